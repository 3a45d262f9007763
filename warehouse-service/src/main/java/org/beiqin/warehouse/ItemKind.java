package org.beiqin.warehouse;

/**
 * What an item is, which decides the attributes it must carry (configured in
 * {@code beiqin.warehouse.items.required-attributes}) and whether its stock is kept in lots with an
 * expiry date ({@code beiqin.warehouse.items.shelf-life-kinds}).
 */
public enum ItemKind {
    GENERAL, FUEL, FOOD, WATER, MEDICINE, BATTERY, EQUIPMENT, PERSONAL_KIT
}
