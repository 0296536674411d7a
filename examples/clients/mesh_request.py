#!/usr/bin/env python3
"""Send mesh commands as plain JSON over AMQP and wait for their answers, as a platform service in
Python does (docs/platform-services.md, "Plain JSON from any language"). Needs pika (Debian:
python3-pika).

    mesh_request.py AMQP_URL [TIMEOUT_SECONDS] < requests.json

requests.json is a list of {"queue": "ipam-allocate-ip", "body": {...}} objects; "reply": false sends
a command without asking for an answer, "correlationId" sets the id (a UUID is made otherwise), "raw"
(a string) is sent as the body byte for byte instead of "body" (to see how a bad body is answered).
Prints one JSON object: the reply queue, every answer received ({"correlationId", "type", "body"}:
type is the answer's name, "Rejected" for a refusal) and the correlation ids left unanswered.
"""
import json
import sys
import time
import uuid

import pika


def main():
    url = sys.argv[1]
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
    requests = json.load(sys.stdin)

    connection = pika.BlockingConnection(pika.URLParameters(url))
    channel = connection.channel()
    # An exclusive, server-named queue: only this client sees its answers.
    callback_queue = channel.queue_declare(queue="", exclusive=True).method.queue
    answers = {}
    unexpected = []

    def on_answer(_channel, _method, props, body):
        answer = {"correlationId": props.correlation_id, "type": props.type,
                  "contentType": props.content_type, "body": json.loads(body)}
        (answers.setdefault(props.correlation_id, answer) if props.correlation_id else unexpected.append(answer))

    channel.basic_consume(queue=callback_queue, on_message_callback=on_answer, auto_ack=True)

    waiting = []
    for request in requests:
        correlation_id = request.get("correlationId") or str(uuid.uuid4())
        wants_answer = request.get("reply", True)
        props = pika.BasicProperties(content_type="application/json", message_id=str(uuid.uuid4()),
                                     correlation_id=correlation_id, delivery_mode=2,
                                     reply_to=callback_queue if wants_answer else None)
        body = request["raw"].encode() if request.get("raw") is not None else json.dumps(request["body"])
        channel.basic_publish("", request["queue"], body, props)
        if wants_answer:
            waiting.append(correlation_id)

    deadline = time.monotonic() + timeout
    while any(c not in answers for c in waiting) and time.monotonic() < deadline:
        connection.process_data_events(time_limit=0.2)
    connection.close()

    print(json.dumps({"replyQueue": callback_queue,
                      "answers": [answers[c] for c in waiting if c in answers],
                      "unexpected": unexpected + [a for c, a in answers.items() if c not in waiting],
                      "missing": [c for c in waiting if c not in answers]}))


if __name__ == "__main__":
    main()
