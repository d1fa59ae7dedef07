/** The Digital Product Passport of a toy batch (quality-shipping.md, Toy Safety Regulation (EU) 2025/2509). */

export const FIBRE_ORIGINS = ['VIRGIN', 'RECYCLED'] as const;
export type FibreOrigin = (typeof FIBRE_ORIGINS)[number];

/** The legislation every toy passport names, whatever the article adds. */
export const TOY_SAFETY_REGULATION = 'Regulation (EU) 2025/2509 on the safety of toys';

/** Article images: what a passport may show, checked by content type and by the file's own signature. */
export const PRODUCT_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ProductImageType = (typeof PRODUCT_IMAGE_TYPES)[number];
export const PRODUCT_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/** A passport code: 128 random bits, base64url (22 characters). */
export const PASSPORT_CODE = /^[A-Za-z0-9_-]{22}$/;

/** The public page of a passport, relative to the site: what its QR code holds. */
export const passportPath = (code: string) => `/passport/${code}`;
