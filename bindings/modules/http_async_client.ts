// KSR.http_async_client.* (stub: being written)
import { defineModule } from '../registry.js';

export const httpAsyncClientModule = defineModule('http_async_client', {});
