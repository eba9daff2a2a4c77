import { kamailioExampleSuite } from './kamailio-examples-suite.js';

// the same flows against real Kamailio: the codes the ksr-host suites assert are Kamailio's
kamailioExampleSuite('lua', 'kamailio');
