const crypto = require('crypto');

const KEY = Buffer.from(process.env.LEGACY_KEY_HEX, 'hex');
const IV = Buffer.from(process.env.LEGACY_IV_HEX, 'hex');

function encryptCookie(value) {
  const cipher = crypto.createCipheriv('aes-256-cbc', KEY, IV); // expect: no-iv-reuse
  return cipher.update(value, 'utf8', 'base64') + cipher.final('base64');
}

function encryptCookieZeroIv(value) {
  const cipher = crypto.createCipheriv('aes-128-cbc', KEY.subarray(0, 16), '0000000000000000'); // expect: no-iv-reuse
  return cipher.update(value, 'utf8', 'base64') + cipher.final('base64');
}

function encryptCookieFresh(value) {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', KEY, iv);
  return iv.toString('base64') + ':' + cipher.update(value, 'utf8', 'base64') + cipher.final('base64');
}

function decryptCookie(value) {
  const decipher = crypto.createDecipheriv('aes-256-cbc', KEY, IV);
  return decipher.update(value, 'base64', 'utf8') + decipher.final('utf8');
}

function decryptCookieFresh(value) {
  const [ivText, body] = value.split(':');
  const decipher = crypto.createDecipheriv('aes-256-cbc', KEY, Buffer.from(ivText, 'base64'));
  return decipher.update(body, 'base64', 'utf8') + decipher.final('utf8');
}

module.exports = { encryptCookie, encryptCookieZeroIv, encryptCookieFresh, decryptCookie, decryptCookieFresh };
