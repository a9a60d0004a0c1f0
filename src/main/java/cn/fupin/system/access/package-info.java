/**
 * Owns user accounts, roles, region scopes and sign-in lockout. Offers the signed-in user's region scope
 * ({@code RegionScope}) and the right to see full ID numbers ({@code FullIdNumbers}) to the features.
 */
@NamedInterface("access")
package cn.fupin.system.access;

import org.springframework.modulith.NamedInterface;
