/**
 * OLE compound files (D0 CF 11 E0 A1 B1 1A E1): the old binary Office formats (.doc, .xls) and
 * also every password-protected Office file, whose encrypted package sits in an OLE container
 * (streams EncryptionInfo and EncryptedPackage). Neither can be read; each gets its own message.
 */
const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b);
}

/** The stream name as the directory stores it: UTF-16LE. */
function utf16(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i);
  return out;
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** An encrypted OOXML package (a password-protected .docx), rather than an old .doc. */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  return contains(bytes, utf16('EncryptedPackage')) || contains(bytes, utf16('EncryptionInfo'));
}
