/** The version of this copy of @doorstep/components; `define()` compares it when a tag is taken. */
export const VERSION = '0.1.0';
