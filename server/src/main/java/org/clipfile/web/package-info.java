/** The HTTP API: controllers, request validation and RFC 9457 problem details. */
package org.clipfile.web;
