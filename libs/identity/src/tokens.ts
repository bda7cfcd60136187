export { hashToken, newOpaqueToken } from '@slussen/core';

export const REFRESH_TOKEN_PREFIX = 'slr_';
export const API_TOKEN_PREFIX = 'slt_';
