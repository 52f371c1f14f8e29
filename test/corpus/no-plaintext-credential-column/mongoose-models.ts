import mongoose, { Schema } from 'mongoose';
import argon2 from 'argon2';
import { encryptField } from '../support/field-crypto';

const userSchema = new Schema({
  email: { type: String, required: true, unique: true },
  password: { type: String, required: true, select: false }, // expect-strict: no-plaintext-credential-column
  passwordChangedAt: Date,
  failedLoginCount: { type: Number, default: 0 },
});

const adminSchema = new Schema({
  email: String,
  password: String,
});
adminSchema.pre('save', async function () {
  if (this.isModified('password')) this.password = await argon2.hash(this.password as string);
});

const integrationSchema = new mongoose.Schema({
  provider: String,
  accessToken: { type: String, select: false }, // expect-strict: no-plaintext-credential-column
  refreshToken: String, // expect-strict: no-plaintext-credential-column
  apiSecret: { type: String, set: (v: string) => encryptField(v) },
  tokenExpiresAt: Date,
  hasRefreshToken: Boolean,
});

const deviceSchema = new Schema({
  name: String,
  privateKey: Buffer, // expect-strict: no-plaintext-credential-column
  keyId: String,
});

export const User = mongoose.model('User', userSchema);
export const Admin = mongoose.model('Admin', adminSchema);
export const Integration = mongoose.model('Integration', integrationSchema);
export const Device = mongoose.model('Device', deviceSchema);
