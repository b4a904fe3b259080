import {startLocalOrg} from './index.js';
const lo = await startLocalOrg({seed: 100_000, port: 45999});
const sid = lo.org.createSession(lo.org.users.rep.id);
console.log(JSON.stringify({sid, rep: lo.org.users.rep.id}));
