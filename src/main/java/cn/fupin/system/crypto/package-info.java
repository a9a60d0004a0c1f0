/**
 * Owns the keys and the encryption of ID numbers at rest, and their keyed lookup hash. Offers
 * {@code IdNumberCipher} to the registry, the only feature that stores ID numbers.
 */
@NamedInterface("crypto")
package cn.fupin.system.crypto;

import org.springframework.modulith.NamedInterface;
