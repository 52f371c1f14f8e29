const { DataTypes, Model } = require('sequelize');
const bcrypt = require('bcryptjs');

module.exports = (sequelize) => {
  const User = sequelize.define('User', {
    email: { type: DataTypes.STRING, allowNull: false, unique: true },
    password: DataTypes.STRING, // expect-strict: no-plaintext-credential-column
    passwordConfirmation: DataTypes.VIRTUAL,
    lastLoginAt: DataTypes.DATE,
  });

  const Operator = sequelize.define('Operator', {
    login: DataTypes.STRING,
    password: {
      type: DataTypes.STRING,
      set(value) {
        this.setDataValue('password', bcrypt.hashSync(value, 12));
      },
    },
  });

  class ApiClient extends Model {}
  ApiClient.init(
    {
      name: DataTypes.STRING,
      clientId: { type: DataTypes.STRING, field: 'client_id' },
      clientSecret: { type: DataTypes.STRING, field: 'client_secret' }, // expect-strict: no-plaintext-credential-column
      apiKey: { type: DataTypes.STRING(64), field: 'api_key' }, // expect-strict: no-plaintext-credential-column
      apiKeyCreatedAt: { type: DataTypes.DATE, field: 'api_key_created_at' },
      secretRotationDue: DataTypes.BOOLEAN,
    },
    { sequelize, modelName: 'ApiClient', tableName: 'api_clients' },
  );

  class Member extends Model {}
  Member.init(
    {
      email: DataTypes.STRING,
      password: DataTypes.STRING,
    },
    {
      sequelize,
      hooks: {
        beforeSave: async (member) => {
          if (member.changed('password')) member.password = await bcrypt.hash(member.password, 12);
        },
      },
    },
  );

  return { User, Operator, ApiClient, Member };
};
