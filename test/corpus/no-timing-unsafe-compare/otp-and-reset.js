const { timingSafeEqual } = require('crypto');

async function verifyOtp(user, code) {
  if (!user.otpCode || !user.otpExpiresAt) return false;
  if (user.otpExpiresAt < Date.now()) return false;
  return code === user.otpCode; // expect-strict: no-timing-unsafe-compare
}

async function verifyResetToken(record, resetToken) {
  if (!record) return false;
  if (resetToken.length !== record.resetToken.length) return false;
  return timingSafeEqual(Buffer.from(resetToken), Buffer.from(record.resetToken));
}

function checkInviteToken(invite, inviteToken) {
  if (typeof inviteToken !== 'string' || inviteToken.length === 0) return false;
  return invite.token.startsWith(inviteToken); // expect-strict: no-timing-unsafe-compare
}

function checkApiSecret(client, apiSecret) {
  return apiSecret != null && client.apiSecret == apiSecret; // expect-strict: no-timing-unsafe-compare
}

function checkKeyId(jwk, keyId) {
  return jwk.kid === keyId;
}

function checkTokenCount(user, tokenCount) {
  return user.tokenCount === tokenCount;
}

module.exports = { verifyOtp, verifyResetToken, checkInviteToken, checkApiSecret, checkKeyId, checkTokenCount };
