/** Safetensors is little-endian; typed arrays use the host's order, so big-endian hosts must swap. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
