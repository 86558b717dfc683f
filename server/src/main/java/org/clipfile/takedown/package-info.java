/**
 * Takedowns: removing an article (or every article of a source) from the archive for a legal request or a retraction,
 * and the list that keeps it from coming back through a later import or post until an administrator lifts it.
 */
package org.clipfile.takedown;
