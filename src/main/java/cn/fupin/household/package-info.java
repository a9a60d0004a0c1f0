/**
 * Owns the registry of households and members (建档立卡): validation, storage, masking, import and export.
 * Offers the household types the rules read, the registry and its readers; depends only on {@code system}.
 */
package cn.fupin.household;
