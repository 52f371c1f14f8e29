import session from 'express-session';
import passport from 'passport';
import { Strategy as GoogleStrategy } from 'passport-google-oauth20';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';

export const sessionMiddleware = session({
  secret: 'keyboard cat', // expect: no-hardcoded-secret
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: true, sameSite: 'lax' },
});

passport.use(
  new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'Yq3Lp8Wz2Kx7Vn4Rt9Bm' }, (payload, done) => done(null, payload)), // expect: no-hardcoded-secret
);

passport.use(
  new GoogleStrategy(
    {
      clientID: '1234-abc.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-k3Jd8sLq2WmZ7pXv9Rt1Yn4Bq', // expect: no-hardcoded-secret
      callbackURL: '/auth/google/callback',
    },
    (_accessToken, _refreshToken, profile, done) => done(null, profile),
  ),
);

export const sessionMiddlewareFromEnv = session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false });
