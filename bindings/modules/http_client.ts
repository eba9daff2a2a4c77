// KSR.http_client.* (stub: being written)
import { defineModule } from '../registry.js';

export const httpClientModule = defineModule('http_client', {});
