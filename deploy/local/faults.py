"""The fault suite's cases (run by faults.sh, which starts the HA stack first; see its --help).

Every wait has a deadline; every case prints one line of figures, starting with its name, and raises CaseFailed when
its check fails. Writes go through gateway-1 (127.0.0.1:8180), which balances over both replicas of each service.
"""
import concurrent.futures
import datetime
import imaplib
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

HERE = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(HERE, ".data", "ha")
TOKEN = os.environ["TOKEN"]
TASKS = int(os.environ.get("TASKS", "1000"))
GATEWAY = "http://127.0.0.1:8180"
PG = ["psql", "-h", "127.0.0.1", "-p", "5490", "-U", "postgres", "-At", "-v", "ON_ERROR_STOP=1"]
KAFKA_TOOL = ["java", "-XX:TieredStopAtLevel=1", "-cp", os.path.join(HERE, "infra", "target", "lib", "*")]
BOOTSTRAP = "127.0.0.1:9192,127.0.0.1:9193,127.0.0.1:9194"
IMAP_PORT = 3243
CONCURRENCY = 8
RUN_ID = uuid.uuid4().hex[:6]  # task codes of this run: F<case>-<run>-<n>
UNITS = 60                     # each a digest, one mail, on each run date
CONTACTS_PER_UNIT = 2          # a digest is one mail to all of its unit's contacts


class CaseFailed(Exception):
    pass


def check(condition, what):
    if not condition:
        raise CaseFailed(what)


def http(method, url, body=None, timeout=30):
    """(status, parsed JSON or None); a refused or dropped connection is status 0."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
            return resp.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        return e.code, None
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, None


def sql(db, query):
    out = subprocess.run(PG + ["-d", db, "-c", query], check=True, capture_output=True, text=True).stdout
    return [line.split("|") for line in out.splitlines() if line]


def pid_of(name):
    with open(os.path.join(DATA, "pids", name + ".pid")) as f:
        return int(f.read().strip())


def kill9(name):
    os.kill(pid_of(name), signal.SIGKILL)


HEALING = []  # a heal started in the background, which the next heal waits for (ha.sh start runs one at a time)


def heal(background=False):
    """ha.sh start restarts whatever is no longer running and waits until all of it is ready; in the background when
    the next case does not need what was killed (a restarted JVM takes a minute or more of the suite's two cores)."""
    while HEALING:
        HEALING.pop().result()
    command = [os.path.join(HERE, "ha.sh"), "start"]
    run = lambda: subprocess.run(command, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    if background:
        HEALING.append(concurrent.futures.ThreadPoolExecutor(1).submit(run))
    else:
        run()


def wait_until(what, condition, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise CaseFailed(what + " within %d s" % seconds)


def ready(port):
    status, _ = http("GET", "http://127.0.0.1:%d/q/health/ready" % port, timeout=3)
    return status == 200


# --- the data every case uses ---------------------------------------------------------------------------------------

class Fixture:
    @staticmethod
    def address(n, i):
        return "u%d-c%d@faults.test" % (n, i)

    def __init__(self):
        # units of the suite's own (made once per stack, found again by code), so that a day's run makes enough
        # digests (one mail each) for a kill to land in the middle of their delivery
        known = dict(sql("units", "SELECT code, id FROM unit WHERE code LIKE 'faults-%'"))
        self.units = []
        for n in range(UNITS):
            code = "faults-%03d" % n
            if code not in known:
                status, unit = http("POST", GATEWAY + "/api/v1/units",
                                    {"code": code, "name": "故障测试单位%03d" % n, "kind": "CITY_DEPARTMENT",
                                     "contacts": [{"name": "联络员%d" % i, "email": self.address(n, i)}
                                                  for i in range(CONTACTS_PER_UNIT)]})
                check(status == 201, "creating unit %s answered %s" % (code, status))
                known[code] = unit["id"]
            self.units.append(known[code])
        # tasks-service refuses a lead unit it has not heard of (422), and notifications-service mails only the
        # contacts it has heard of: both learn units from units.events, so the writes wait until both have all of
        # them. Right after a start that can take a while: a consumer group with members that died without leaving
        # (a SIGKILLed replica, a stopped broker) rebalances only once their sessions expire.
        ids = ", ".join("'%s'" % unit for unit in self.units)
        started = time.time()
        for db, table in (("tasks", "unit_ref"), ("notifications", "unit_info")):
            wait_until("%s to know the suite's %d units" % (db, UNITS),
                       lambda: int(sql(db, "SELECT count(*) FROM %s WHERE id IN (%s)" % (table, ids))[0][0]) == UNITS,
                       180)
        self.units_known_after = time.time() - started
        # a deadline years ahead, so that no overdue reminder or escalation mixes in; the run dates are the days the
        # default policy's 30- and 7-calendar-day reminders fall on, and no earlier suite on this stack has run them
        # (a day runs once: its digests would exist already)
        rng = random.Random()
        while True:
            self.deadline = datetime.date(rng.randint(2030, 2099), rng.randint(1, 12), rng.randint(1, 28))
            self.run_dates = [self.deadline - datetime.timedelta(days=30), self.deadline - datetime.timedelta(days=7)]
            # reminders go out on working days only (outside the official calendar's years, Monday to Friday)
            if all(day.weekday() < 5 for day in self.run_dates) and not sql(
                    "notifications", "SELECT 1 FROM digest WHERE day IN ('%s', '%s')" % tuple(self.run_dates)):
                break
        self.year = self.deadline.year
        status, plan = http("POST", GATEWAY + "/api/v1/plans", {"title": "故障测试计划 " + RUN_ID, "year": self.year})
        check(status == 201, "creating the plan answered %s" % status)
        self.plan = plan["id"]


class Writer:
    """Writes tasks through the gateway with CONCURRENCY requests in flight; remembers what was acknowledged."""

    def __init__(self, fixture, case, count):
        self.fixture, self.case, self.count = fixture, case, count
        self.acknowledged = {}  # code -> task id
        self.failed = {}        # status -> count
        self.in_flight = 0
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.written = 0

    def code(self, n):
        return "F%s-%s-%d" % (self.case, RUN_ID, n)

    def one(self, n):
        body = {"planId": self.fixture.plan, "code": self.code(n), "category": "KEY_TASK",
                "title": "故障测试任务 %s %d" % (self.case, n),
                "leadUnitIds": [self.fixture.units[n % len(self.fixture.units)]],
                "deadline": {"kind": "DATE", "dueDate": self.fixture.deadline.isoformat()}}
        with self.lock:
            self.in_flight += 1
        status, task = http("POST", GATEWAY + "/api/v1/tasks", body)
        with self.lock:
            self.in_flight -= 1
            self.written += 1
            if status == 201:
                self.acknowledged[self.code(n)] = task["id"]
            else:
                self.failed[status] = self.failed.get(status, 0) + 1

    def start(self):
        def run():
            with concurrent.futures.ThreadPoolExecutor(CONCURRENCY) as pool:
                list(pool.map(self.one, range(self.count)))
            self.done.set()
        threading.Thread(target=run, daemon=True).start()
        return self

    def wait_written(self, share):
        wait_until("%d%% of the writes" % (share * 100),
                   lambda: self.written >= self.count * share or self.done.is_set(), 600)

    def finish(self):
        check(self.done.wait(900), "the writer did not finish within 900 s")
        return self

    def failures(self):
        return sum(self.failed.values())

    def failed_text(self):
        """"3 failed (502: 3)"; a status of 0 is a dropped connection."""
        detail = ", ".join("%s: %d" % (status, n) for status, n in sorted(self.failed.items()))
        return "%d failed%s" % (self.failures(), " (" + detail + ")" if detail else "")


def check_writes(writer, seconds=180):
    """Every acknowledged task is in tasks-service's database and notifications-service's read model, once by code;
    each created task's event is in tasks-service's outbox once and was processed once by notifications-service."""
    prefix = "F%s-%s-" % (writer.case, RUN_ID)
    acked = writer.acknowledged
    # a fault is no excuse for a 500: a database away is a 503 to retry, a replica lost mid-request the gateway's 502
    check(500 not in writer.failed, "%d writes answered 500" % writer.failed.get(500, 0))

    def stored(db, table):
        return sql(db, "SELECT code, count(*) FROM %s WHERE code LIKE '%s%%' GROUP BY code" % (table, prefix))

    tasks_rows = stored("tasks", "task")
    missing = [c for c in acked if c not in {r[0] for r in tasks_rows}]
    check(not missing, "%d acknowledged tasks are not in tasks-service's database (e.g. %s)"
          % (len(missing), missing[:3]))
    check(all(r[1] == "1" for r in tasks_rows), "a task code is stored twice in tasks-service")
    wait_until("every acknowledged task in notifications-service's read model",
               lambda: acked.keys() <= {r[0] for r in stored("notifications", "task_info")}, seconds)
    read_model = stored("notifications", "task_info")
    check(all(r[1] == "1" for r in read_model), "a task code is in the read model twice")
    # by event id: the outbox holds one event per created task; the consumer recorded each event id once
    ids = "','".join(acked.values())
    events = sql("tasks", "SELECT event_id FROM outbox_event WHERE event_type = 'TaskCreated' "
                 "AND message_key IN ('%s')" % ids) if acked else []
    event_ids = [e[0] for e in events]
    check(len(event_ids) == len(set(event_ids)), "an event id is twice in the outbox")
    processed = sql("notifications", "SELECT event_id, count(*) FROM processed_event WHERE event_id IN ('%s') "
                    "GROUP BY event_id" % "','".join(event_ids)) if event_ids else []
    check(all(p[1] == "1" for p in processed), "an event was processed twice")
    return len(tasks_rows), len(read_model), len(event_ids), len(processed)


def topic_duplicates(topic, keys):
    """How many records of TOPIC with one of KEYS repeat an event id already seen (the producer is idempotent and the
    relay marks rows published only after the ack, so a repeat is legal but should be rare); and how many records."""
    out = subprocess.run(KAFKA_TOOL + ["org.apache.kafka.tools.consumer.ConsoleConsumer", "--bootstrap-server",
                                       BOOTSTRAP, "--topic", topic, "--from-beginning", "--timeout-ms", "8000",
                                       "--property", "print.key=true", "--property", "key.separator=\t"],
                         capture_output=True, text=True).stdout
    seen, repeats, records = set(), 0, 0
    for line in out.splitlines():
        key, _, value = line.partition("\t")
        if key not in keys:
            continue
        records += 1
        match = re.search(r'"eventId"\s*:\s*"([^"]+)"', value)
        event_id = match.group(1) if match else value
        if event_id in seen:
            repeats += 1
        seen.add(event_id)
    return records, repeats


def partition_leaders(topic):
    out = subprocess.run(KAFKA_TOOL + ["org.apache.kafka.tools.TopicCommand", "--bootstrap-server", BOOTSTRAP,
                                       "--describe", "--topic", topic],
                         capture_output=True, text=True, check=True).stdout
    parts = re.findall(r"Partition: (\d+)\s+Leader: (-?\d+)\s+Replicas: ([\d,]+)\s+Isr: ([\d,]*)", out)
    return [(int(p), int(leader), replicas, isr) for p, leader, replicas, isr in parts]


# --- the cases ------------------------------------------------------------------------------------------------------

def case_kafka(fixture):
    started = time.time()
    # the topic exists once tasks-service has published; the warm-up writes make sure it has
    Writer(fixture, "0", 5).start().finish()
    leaders = partition_leaders("tasks.events")
    counts = {}
    for _, leader, _, _ in leaders:
        counts[leader] = counts.get(leader, 0) + 1
    victim = max(counts, key=counts.get)
    writer = Writer(fixture, "1", TASKS).start()
    writer.wait_written(0.3)
    kill9("kafka-%d" % victim)
    killed_at = writer.written
    writer.finish()
    stored, read_model, events, processed = check_writes(writer)
    records, repeats = topic_duplicates("tasks.events", set(writer.acknowledged.values()))
    heal()
    wait_until("kafka-%d back in every partition's ISR" % victim,
               lambda: all(str(victim) in isr.split(",") for _, _, _, isr in partition_leaders("tasks.events")), 180)
    print("kafka: killed node %d (leader of %d of %d tasks.events partitions) after %d writes; %d acknowledged, %s; "
          "stored %d, read model %d, events %d, processed %d; topic records %d, repeated event ids %d; node back in "
          "ISR; %.0f s" % (victim, counts[victim], len(leaders), killed_at, len(writer.acknowledged),
                           writer.failed_text(), stored, read_model, events, processed, records, repeats,
                           time.time() - started), flush=True)


def active_requests(port):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d/q/metrics" % port, timeout=3) as resp:
            text = resp.read().decode()
    except OSError:
        return 0
    total = 0.0
    for line in text.splitlines():
        if line.startswith("http_server_active_requests") and not line.startswith("#"):
            total += float(line.rsplit(" ", 1)[1])
    return int(total)


def case_replica(fixture):
    started = time.time()
    writer = Writer(fixture, "2", TASKS).start()
    writer.wait_written(0.2)
    deadline = time.time() + 60
    in_flight = 0
    while time.time() < deadline and not writer.done.is_set():
        in_flight = active_requests(8192)
        if in_flight > 0:
            break
    check(in_flight > 0, "no request was seen in flight on tasks-service-2")
    kill9("tasks-service-2")
    killed_at = writer.written
    writer.finish()
    check(writer.failures() <= CONCURRENCY,
          "%d writes failed, more than could have been in flight on the killed replica (%d)"
          % (writer.failures(), CONCURRENCY))
    stored, read_model, _, _ = check_writes(writer)
    heal(background=True)  # the digest case needs only notifications-service
    print("replica: killed tasks-service-2 with %d requests in flight on it after %d writes; %d acknowledged, %s "
          "(at most %d could be in flight); stored %d (%d of the failed committed before the answer was lost), "
          "read model %d; %.0f s"
          % (in_flight, killed_at, len(writer.acknowledged), writer.failed_text(), CONCURRENCY,
             stored, stored - len(writer.acknowledged), read_model, time.time() - started), flush=True)


def mails():
    """Message-IDs of every mail GreenMail holds for this run's units: a digest is one mail to all of a unit's
    contacts, so each unit's first contact's mailbox holds one copy of each."""
    ids = []
    for n in range(len(FIXTURE.units)):
        imap = imaplib.IMAP4("127.0.0.1", IMAP_PORT)
        try:
            imap.login(FIXTURE.address(n, 0), "x")
            imap.select("INBOX", readonly=True)
            _, data = imap.search(None, "ALL")
            for num in data[0].split():
                _, header = imap.fetch(num, "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
                ids.append(header[0][1].decode().strip())
        except imaplib.IMAP4.error:
            pass  # no mail yet: GreenMail makes the user on its first mail
        finally:
            imap.logout()
    return ids


# the mail deliveries of one day's digests
DAY_MAILS = "FROM delivery d JOIN digest g ON g.id = d.digest_id WHERE g.day = '%s' AND d.channel = 'EMAIL'"


def deliveries(day):
    """status -> how many of the day's mails"""
    return {r[0]: int(r[1]) for r in sql("notifications", "SELECT d.status, count(*) " + DAY_MAILS % day
                                         + " GROUP BY d.status")}


def sent(day):
    return deliveries(day).get("SENT", 0)


def failed_attempts(day, what="count(*)"):
    return int(sql("notifications", ("SELECT %s FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id "
                                     "JOIN digest g ON g.id = d.digest_id WHERE g.day = '%%s' AND NOT a.succeeded")
                   % what % day)[0][0])


def run_on_both(day):
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda port: http("POST", "http://127.0.0.1:%d/api/v1/notifications/runs" % port,
                                                  {"date": day.isoformat()}, timeout=120), (8183, 8193)))
    check(all(status == 200 for status, _ in results), "a run answered %s" % [s for s, _ in results])
    return [r for _, r in results]


def case_digest(fixture):
    started = time.time()
    day = fixture.run_dates[1]
    before = set(mails())
    results = run_on_both(day)
    planned = results[0]["digestsPlanned"]
    created = sum(r["digestsCreated"] for r in results)
    check(created == planned, "the two runs created %d digests of %d planned" % (created, planned))
    expected = sum(r["deliveriesCreated"] for r in results)
    check(expected > 0, "the run planned no mail")
    # kill the replica in the middle of delivery: some mails sent, some claimed and not yet sent
    deadline = time.time() + 120
    sent_at_kill = 0
    while time.time() < deadline and sent_at_kill == 0:
        sent_at_kill = sent(day)
    claimed = int(sql("notifications", "SELECT count(*) " + DAY_MAILS % day
                      + " AND d.status = 'SENDING' AND d.claimed_until > now()")[0][0])
    kill9("notifications-service-2")
    check(sent_at_kill < expected, "delivery had finished before the kill (%d of %d sent)" % (sent_at_kill, expected))
    wait_until("every delivery sent", lambda: sent(day) == expected, 240)
    # a claim counts an attempt: with the mail server up, a delivery claimed twice is one the killed replica held when
    # it died, taken over by the other once its lease ran out
    orphaned = int(sql("notifications", "SELECT count(*) " + DAY_MAILS % day + " AND d.attempts > 1")[0][0])
    check(orphaned > 0, "no delivery was taken over: the kill did not land in the middle of the replica's delivery")
    received = [i for i in mails() if i not in before]
    distinct = set(received)
    check(len(distinct) == expected, "GreenMail holds %d distinct mails of %d sent" % (len(distinct), expected))
    heal()
    print("digest: two runs of %s created %d digests (%s) and %d mails; notifications-service-2 killed with %d sent, "
          "%d claimed, %d taken over after their lease ran out; GreenMail received %d mails, %d distinct Message-IDs, "
          "none lost, %d duplicates (same Message-ID); %.0f s"
          % (day, planned, "+".join(str(r["digestsCreated"]) for r in results), expected, sent_at_kill, claimed,
             orphaned, len(received), len(distinct), len(received) - len(distinct), time.time() - started), flush=True)


def case_smtp(fixture):
    started = time.time()
    day = fixture.run_dates[0]
    os.kill(pid_of("greenmail"), signal.SIGKILL)
    wait_until("GreenMail gone", lambda: subprocess.run(["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/3125"],
                                                        capture_output=True).returncode != 0, 30)
    results = run_on_both(day)
    expected = sum(r["deliveriesCreated"] for r in results)
    check(expected > 0, "the run planned no mail")
    # every mail tried at least once (and failed) before the server comes back
    wait_until("failed attempts on every mail while SMTP is down",
               lambda: failed_attempts(day, "count(DISTINCT a.delivery_id)") == expected, 120)
    sent_while_down = sent(day)
    check(sent_while_down == 0, "%d mails were recorded sent while SMTP was down" % sent_while_down)
    heal()  # GreenMail again (empty: it keeps mail in memory)
    back = time.time()
    failed_while_down = failed_attempts(day)
    wait_until("every delivery sent after SMTP came back", lambda: sent(day) == expected, 240)
    took = time.time() - back
    received = mails()
    check(len(set(received)) == expected, "GreenMail holds %d distinct mails of %d" % (len(set(received)), expected))
    print("smtp: run of %s planned %d mails with SMTP down: %d failed attempts recorded (every mail tried), none "
          "sent; SMTP back: all %d delivered in %.0f s, %d failed attempts recorded in all; GreenMail %d mails, "
          "%d distinct Message-IDs; %.0f s"
          % (day, expected, failed_while_down, expected, took, failed_attempts(day), len(received), len(set(received)),
             time.time() - started), flush=True)


def case_postgres(fixture):
    started = time.time()
    services = {"units-service-1": 8181, "units-service-2": 8191, "tasks-service-1": 8182, "tasks-service-2": 8192,
                "notifications-service-1": 8183, "notifications-service-2": 8193, "gateway-1": 8180, "gateway-2": 8190}
    heal()  # whatever an earlier case left down: every service must be up to be seen going down
    pids = {name: pid_of(name) for name in services}
    writer = Writer(fixture, "5", TASKS).start()
    writer.wait_written(0.3)
    os.kill(pid_of("pg-primary"), signal.SIGQUIT)  # immediate shutdown: no checkpoint, crash recovery on start
    killed_at = writer.written
    down = time.time()
    seen_down = set()
    deadline = time.time() + 120
    while time.time() < deadline and len(seen_down) < len(services):
        for name, port in services.items():
            if name not in seen_down and not ready(port):
                seen_down.add(name)
        time.sleep(0.3)
    down_for = time.time() - down
    heal_started = time.time()
    subprocess.run([os.path.join(HERE, "ha.sh"), "start", "--infra-only"], check=True, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL)
    wait_until("every service ready again", lambda: all(ready(port) for port in services.values()), 180)
    recovered = time.time() - heal_started
    restarted = [name for name in services if pid_of(name) != pids[name]]
    writer.finish()
    check(seen_down == set(services),
          "not seen not-ready while PostgreSQL was down: %s" % sorted(set(services) - seen_down))
    check(not restarted, "restarted: %s" % restarted)
    stored, read_model, _, _ = check_writes(writer)
    print("postgres: primary stopped after %d writes; all %d services seen not ready within %.0f s; restarted, "
          "all ready again %.0f s later with the same pids; %d acknowledged, %s; stored %d (%d of the failed "
          "committed before the answer was lost), read model %d; %.0f s"
          % (killed_at, len(services), down_for, recovered, len(writer.acknowledged), writer.failed_text(), stored,
             stored - len(writer.acknowledged), read_model, time.time() - started), flush=True)


FIXTURE = None

if __name__ == "__main__":
    suite_started = time.time()
    FIXTURE = Fixture()
    print("fixture: %d units, known to tasks-service and notifications-service %.0f s after they were looked up"
          % (UNITS, FIXTURE.units_known_after), flush=True)
    failed = []
    for case in (case_kafka, case_replica, case_digest, case_smtp, case_postgres):
        try:
            case(FIXTURE)
        except (CaseFailed, subprocess.CalledProcessError) as e:
            print("%s: FAILED: %s" % (case.__name__[5:], e), flush=True)
            failed.append(case.__name__[5:])
            try:
                heal()
            except subprocess.CalledProcessError:
                break
    print("faults: %d of 5 cases passed in %.0f s (%d writes per case)%s"
          % (5 - len(failed), time.time() - suite_started, TASKS, "; failed: " + ", ".join(failed) if failed else ""))
    sys.exit(1 if failed else 0)
