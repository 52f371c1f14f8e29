const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');
const jwt = require('jsonwebtoken');

const SESSION_SECRET = 'keyboard cat'; // expect: no-hardcoded-secret
const sessionOptions = {
  secret: SESSION_SECRET,
  resave: false,
  saveUninitialized: true,
};

const app = express();
app.use(session(sessionOptions));
app.use(
  cookieSession({
    name: 'remember',
    keys: ['first-rotation-key', 'second-rotation-key'], // expect: no-hardcoded-secret
  }),
);

const settings = { tokenSecret: 'dont_tell_anyone_this_key', tokenTtl: '2h' }; // expect: no-hardcoded-secret

function login(req, res) {
  const token = jwt.sign({ id: req.user.id }, settings.tokenSecret, { expiresIn: settings.tokenTtl });
  res.json({ token });
}

// The default of an environment read belongs to no-env-fallback; a stand-in is no key.
const apiSecret = process.env.API_SECRET || 'dev-only-api-secret'; // expect: no-env-fallback
const fallbackKey = '${API_KEY}';

function verify(req) {
  return jwt.verify(req.headers.authorization, apiSecret) || jwt.verify(req.query.t, fallbackKey);
}

module.exports = { app, login, verify };
