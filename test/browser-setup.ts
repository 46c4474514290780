// Browser project setup. Testing Library's waitFor/findBy give up after 1 s by default: on a loaded
// 2-CPU machine an IIN lookup or a mock round trip can take longer. They wait for an observable
// outcome, so a longer limit costs nothing when the test passes; it only stops a slow machine from
// failing a correct one.
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 20_000 });
