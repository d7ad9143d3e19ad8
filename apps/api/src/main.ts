import './register-paths';
import 'reflect-metadata';
import { createApp, prepareDatabase } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`启动失败，配置有误：\n${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp(config);
  const { demoData } = await prepareDatabase(app, config);
  app.enableShutdownHooks();
  await app.listen(config.server.port);
  // One plain line for the person who typed `npm start` (tests that start the server wait for it); everything else
  // stays structured (pino JSON).
  const database = config.database.url.replace(/\/\/[^@]*@/, '//***@');
  const hint = demoData ? '；演示账号如 nat_admin、gd_reviewer、inst_gz1，密码 Demo@2026（见 README）' : '';
  console.log(`证书数据监管平台已启动：http://localhost:${config.server.port}（数据库 ${database}${hint}）`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
