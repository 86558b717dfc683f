/**
 * Problems (RFC 9457) that carry their own status and type: a feature throws one, and the web layer's advice answers
 * with it as it is.
 */
package org.clipfile.problem;
