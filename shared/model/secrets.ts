/**
 * Where secret variable values are kept and how well, so the UI can say so honestly. The values
 * themselves never cross the contract.
 */
export interface SecretStorageStatus {
  /** `os-encryption`: encrypted with a key from the operating system's keychain; `plain-file`: a 0600 file in plain text. */
  protection: 'plain-file' | 'os-encryption';
  /** For plain text, why: the host cannot encrypt (web host, CLI), or the desktop app found no keyring on this system. */
  plainReason?: 'host' | 'no-keyring';
  /**
   * Values in the data folder this store cannot read, kept untouched on disk: encrypted by the
   * desktop app and read here without its keychain (`encrypted-elsewhere`), or encrypted for another
   * user account or computer, or behind a locked keychain (`cannot-decrypt`).
   */
  unreadable?: { count: number; reason: 'encrypted-elsewhere' | 'cannot-decrypt' };
  /** Values that were kept in plain text (web host, or no keyring at the time) and are now encrypted. */
  movedToEncryption?: number;
}
