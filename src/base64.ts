/**
 * Bytes as base64 and back, the same in Node, a browser page and a web worker (btoa and atob are in
 * all three): the files the server reads through the extension, and the pictures exports carry.
 */

export function toBase64(bytes: Uint8Array): string {
    let binary = '';
    // In slices: spreading a whole large file into one call overflows the stack.
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}
