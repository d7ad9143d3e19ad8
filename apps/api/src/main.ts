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
  await prepareDatabase(app, config);
  app.enableShutdownHooks();
  await app.listen(config.server.port);
  console.log(
    `证书数据监管平台 listening on http://localhost:${config.server.port} (database: ${config.database.url.replace(/\/\/[^@]*@/, '//***@')})`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
