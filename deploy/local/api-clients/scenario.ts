// A client another system would write: only the generated TypeScript client, against the gateway.
import {
  Configuration, NotificationsServiceNotificationsApi, ResponseError, TasksServiceAssignmentsApi,
  TasksServicePlansApi, TasksServiceTasksApi,
} from './generated/index';

// Node's globals, declared here rather than installing @types/node for two of them
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

const ANJI = '8adaa131-6c5e-5537-a900-cb817fd98db7'; // 安吉县人民政府, a reference unit (fixed id)

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error('scenario: ' + what);
  }
}

async function main(): Promise<void> {
  const config = new Configuration({ basePath: process.env.GATEWAY_URL, accessToken: process.env.TOKEN });
  const tasks = new TasksServiceTasksApi(config);
  const listed = await tasks.listTasks({ size: 5 });
  check(listed.items !== undefined && listed.total !== undefined, 'listTasks answers a page');

  const year = 2090 + Math.floor(Math.random() * 10);
  const plan = await new TasksServicePlansApi(config).createPlan({ planRequest: { title: '客户端场景计划 ' + Date.now(), year } });
  const created = await tasks.createTask({ createTaskRequest: {
    planId: plan.id!, code: 'TS-' + Date.now(), category: 'KEY_TASK', title: '生成客户端的场景任务',
    leadUnitIds: [ANJI], deadline: { kind: 'DATE', dueDate: new Date(Date.UTC(year, 8, 30)) },
  } });
  const read = await tasks.getTaskRaw({ id: created.id! });
  const etag = read.raw.headers.get('ETag');
  check(etag !== null && etag.length > 0, 'getTask answers an ETag');
  const task = await read.value();
  check(task.id === created.id, 'getTask reads the created task');

  const progressed = await new TasksServiceAssignmentsApi(config).reportProgress({
    taskId: created.id!, unitId: ANJI, progressRequest: { text: '已启动', percent: 10 },
  });
  check(progressed.assignments!.some(a => a.unitId === ANJI && a.status === 'IN_PROGRESS'), 'reportProgress moves the unit on');

  const feed = await new NotificationsServiceNotificationsApi(config).listNotifications({ unitId: ANJI });
  check(Array.isArray(feed.items), 'listNotifications answers a page');

  try {
    await tasks.getTask({ id: '00000000-0000-0000-0000-000000000000' });
    check(false, 'an unknown task is a 404');
  } catch (e) {
    check(e instanceof ResponseError && e.response.status === 404, 'an unknown task is a 404 problem');
  }
  console.log('TypeScript client scenario: OK (task ' + created.id + ', ETag ' + etag + ')');
}

main().catch(e => { console.error(e); process.exit(1); });
