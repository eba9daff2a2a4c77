import { kamailioExampleSuite } from './kamailio-examples-suite.js';

kamailioExampleSuite('js', 'v8');
