"""Seeds the local stack for the history benchmark, through the scan functions (offline scans with clientAt):
one person with EVENTS scans spread over ten venues, and CROWD people with an entry and an exit each at one
venue (2 x CROWD scans). Prints the crowded venue's id. Arguments: BASE MANAGER_TOKEN TOKENS_FILE EVENTS CROWD."""
import datetime
import json
import sys
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

base, manager, tokens_file, events, crowd = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
tokens = open(tokens_file).read().split()
now = datetime.datetime.now(datetime.timezone.utc)
start = now - datetime.timedelta(hours=23)


def post(path, token, body):
    request = urllib.request.Request(base + path, json.dumps(body).encode(),
                                     {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def scan(token, code, direction, when):
    post("/scan-in" if direction == "IN" else "/scan-out", token,
         {"code": code, "scanId": str(uuid.uuid4()), "clientAt": when.isoformat().replace("+00:00", "Z")})


venues = post("/register-venues", manager, {"venues": [
    {"name": f"History venue {i}", "address": f"{i} Past Street", "region": "bench"} for i in range(10)]})["venues"]
codes = [(v["entry"]["token"], v["exit"]["token"]) for v in venues]
crowded_id, (crowded_in, crowded_out) = venues[0]["venue"]["venueId"], codes[0]

jobs = []
step = datetime.timedelta(hours=22) / events
for i in range(events):  # the regular: alternating entry and exit, venue after venue
    venue = codes[(i // 2) % len(codes)]
    jobs.append((tokens[0], venue[i % 2], "IN" if i % 2 == 0 else "OUT", start + step * i))
for person in range(1, crowd + 1):  # the crowd: 30 to 90 minutes each, spread over the day
    arrive = start + datetime.timedelta(minutes=(person * 7) % (20 * 60))
    jobs.append((tokens[person], crowded_in, "IN", arrive))
    jobs.append((tokens[person], crowded_out, "OUT", arrive + datetime.timedelta(minutes=30 + person % 60)))
with ThreadPoolExecutor(16) as pool:
    list(pool.map(lambda job: scan(*job), jobs))
print(crowded_id)
