/**
 * The audit trail: who searched, read, exported or changed what, and when, written asynchronously into
 * append-only monthly indices that admins can query and export, and dropped month by month after the retention.
 */
@NullMarked
package org.clipfile.audit;

import org.jspecify.annotations.NullMarked;
