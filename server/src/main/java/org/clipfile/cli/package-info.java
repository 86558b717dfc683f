/** The command line: {@code java -jar clipfile.jar import <path>} against a running server. */
package org.clipfile.cli;
