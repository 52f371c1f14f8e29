/** Messages of the scanner's own findings, by id; `{{placeholders}}` are filled from redacted data. */
export const scannerMessages = {
  trackedEnvFile: '{{file}} is tracked by git: keep real settings out of the repository (add it to .gitignore) and commit a .env.example with placeholders.',
  secretValueFormat: '{{name}} holds a hard-coded {{description}} ({{preview}}): move it to a secret manager or the deployment environment, and rotate it.',
  secretValueName: '{{name}} holds a hard-coded secret ({{preview}}): move it to a secret manager or the deployment environment, and rotate it.',
  plaintextColumn: '{{table}}.{{column}} stores a {{kind}} in plaintext: store a hash (passwords) or ciphertext (keys, tokens) instead.',
  suppressionWithoutReason: 'This suppression has no reason ({{rules}}): write `-- <why>` after the rule ids; until then it suppresses nothing.',
  suppressionWithoutRule: 'This suppression names no rule id: write the rule ids to ignore, then `-- <why>`; until then it suppresses nothing.',
} as const;

export type ScannerMessageId = keyof typeof scannerMessages;
