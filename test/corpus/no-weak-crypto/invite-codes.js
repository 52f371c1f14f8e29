const crypto = require('crypto');

function generateInviteCode() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let code = '';
  for (let i = 0; i < 10; i++) code += alphabet[Math.floor(Math.random() * alphabet.length)]; // expect: no-weak-crypto
  return code;
}

function generatePassword(length) {
  return Array.from({ length }, () => String.fromCharCode(33 + Math.floor(Math.random() * 94))).join(''); // expect: no-weak-crypto
}

function pickColor(colors) {
  return colors[Math.floor(Math.random() * colors.length)];
}

function retryDelay(attempt) {
  return Math.min(30_000, 2 ** attempt * 100 + Math.random() * 100);
}

function generateInviteCodeSecure() {
  return crypto.randomBytes(8).toString('base64url');
}

const verificationCode = Math.random().toString().substring(2, 8); // expect: no-weak-crypto

module.exports = { generateInviteCode, generatePassword, pickColor, retryDelay, generateInviteCodeSecure, verificationCode };
