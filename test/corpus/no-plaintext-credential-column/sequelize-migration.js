'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('oauth_tokens', {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      user_id: { type: Sequelize.INTEGER, allowNull: false },
      access_token: { type: Sequelize.TEXT, allowNull: false }, // expect-strict: no-plaintext-credential-column
      refresh_token: { type: Sequelize.TEXT }, // expect-strict: no-plaintext-credential-column
      access_token_expires_at: { type: Sequelize.DATE },
      created_at: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addColumn('users', 'two_factor_secret', { type: Sequelize.STRING }); // expect-strict: no-plaintext-credential-column
    await queryInterface.addColumn('users', 'two_factor_enabled', { type: Sequelize.BOOLEAN, defaultValue: false });
    await queryInterface.addColumn('users', 'password_digest', { type: Sequelize.STRING });
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('users', 'two_factor_secret');
    await queryInterface.dropTable('oauth_tokens');
  },
};
