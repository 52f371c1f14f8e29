// Codes and tokens made with Math.random by small functions, and look-alikes that need no secrecy.
function resetCode() {
  return Math.floor(100000 + Math.random() * 900000).toString(); // expect: no-weak-crypto
}

exports.otp = () => String(Math.floor(Math.random() * 1000000)).padStart(6, '0'); // expect: no-weak-crypto

module.exports.sessionToken = function () {
  return Math.random().toString(36).substr(2, 10); // expect: no-weak-crypto
};

class InviteService {
  inviteToken() {
    return Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2); // expect: no-weak-crypto
  }

  inviteColor() {
    return `hsl(${Math.floor(Math.random() * 360)}, 70%, 50%)`;
  }
}

const verificationCode = () => String(Math.random()).slice(2, 8); // expect: no-weak-crypto

// Keys for lists and caches, ids for logs, jitter: nothing to guess.
function rowKey() {
  return Math.random().toString(36).slice(2);
}
exports.requestId = () => Math.random().toString(36).slice(2);
function retryDelay(attempt) {
  return 2 ** attempt * 100 + Math.random() * 100;
}
function resetBackoff() {
  return Math.random() * 1000;
}

module.exports = { resetCode, InviteService, verificationCode, rowKey, retryDelay, resetBackoff };
