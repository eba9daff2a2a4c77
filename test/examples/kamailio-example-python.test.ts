import { kamailioExampleSuite } from './kamailio-examples-suite.js';

kamailioExampleSuite('python');
