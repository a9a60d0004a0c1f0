/**
 * Owns the append-only, chained audit trail and its verification. Offers {@code AuditTrail} and
 * {@code @Audited} to every feature that reads or changes personal data.
 */
@NamedInterface("audit")
package cn.fupin.system.audit;

import org.springframework.modulith.NamedInterface;
