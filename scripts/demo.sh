#!/usr/bin/env bash
# The seeds' workflows end to end, with two node agents, against a running mesh (./mesh up, or the
# services named by MESH_<SERVICE>_URL and Mesh__RabbitMq__Url). Each step checks what it shows.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONFIG=${MESH_BUILD_CONFIGURATION:-Release}
EX="$ROOT/examples"
WORK=$(mktemp -d /tmp/mesh-demo.XXXXXX)
meshctl() { dotnet "$ROOT/tools/meshctl/bin/$CONFIG/net10.0/meshctl.dll" "$@"; }
# exec: in the background, $! is then the agent itself (killing a function's subshell would orphan it).
agent() { exec dotnet "$ROOT/tools/node-agent/bin/$CONFIG/net10.0/node-agent.dll" "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
expect() { # text pattern what
  grep -qE -- "$2" <<< "$1" || { printf 'DEMO FAILED: %s (wanted /%s/)\n%s\n' "$3" "$2" "$1" >&2; exit 1; }
  printf '   ok: %s\n' "$3"
}
field() { grep -m1 -E "^\s*$1:" | sed -E "s/^\s*$1:\s*\"?([^\"]*)\"?\s*$/\1/"; }
AGENTS=()
# The agents stop with the demo, unless MESH_DEMO_AGENTS_PIDS names a file: then they keep running (the
# end-to-end tests replay every event to them afterwards) and their pids go there for the caller to stop.
if [ -n "${MESH_DEMO_AGENTS_PIDS:-}" ]; then
  trap 'printf "%s\n" "${AGENTS[@]}" > "$MESH_DEMO_AGENTS_PIDS"' EXIT
else
  trap 'for p in "${AGENTS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
fi

step "0. two node agents: node-10 (Mellanox PF + 2 Tesla T4), node-11 (2 Kunlun R200-8F)"
for n in node-10 node-11; do
  ( agent run --node "$n" --description "$EX/nodes/$n.yaml" --state "$WORK/$n.json" --report-seconds 2 > "$WORK/$n.log" 2>&1 ) &
  AGENTS+=($!)
done
for _ in $(seq 1 60); do
  nodes=$(meshctl get gpunodes 2>/dev/null || true)
  grep -q node-10 <<< "$nodes" && grep -q node-11 <<< "$nodes" && break
  sleep 1
done
expect "$nodes" "node-11" "both agents registered their nodes"

step "1. seed 000: external network, custom VPC test-vpc2, subnet net192"
for f in external-network test-vpc2 net192; do meshctl apply -f "$EX/vpc/$f.yaml"; done
created=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
meshctl get subnets
out=$(meshctl get subnet net192 -o yaml)
expect "$out" "cidrBlock: 192.168.100.0/24" "net192 is 192.168.100.0/24 in test-vpc2"
sleep 1

step "2. a pod on net192 with an SNAT floating IP"
meshctl apply -f "$EX/fip/fip-pool.yaml"
out=$(meshctl pod create -f "$EX/pods/web-snat.yaml")
echo "$out"
expect "$out" "ipAddress: 192\.168\.100\." "web-0 got an address on net192"
expect "$out" "snat" "web-0 egresses through 172.110.0.18"
WEB_IP=$(field ipAddress <<< "$out")
WEB_UID=$(field podUid <<< "$out" | head -1)

step "3. seed 001, section 5.1: the four SR-IOV scenarios on node-10 (mlxnics, 15b3/1017, 0000:71:00.0, 3 VFs)"
for scenario in runc-ib:runc-ibnics runc-eth:runc-nics rune-ib:rune-ibnics rune-eth:rune-nics; do
  policy=${scenario%%:*}; pod=${scenario##*:}
  printf -- '-- %s\n' "$policy"
  meshctl apply -f "$EX/sriov/policy-$policy.yaml"
  meshctl apply -f "$EX/sriov/network-ibnics.yaml"
  meshctl apply -f "$EX/sriov/network-nics.yaml"
  for _ in $(seq 1 60); do
    state=$(meshctl get sriovnetworknodestate node-10 -n eks-managed -o yaml 2>/dev/null || true)
    grep -q "syncStatus: Succeeded" <<< "$state" && break
    sleep 1
  done
  sleep 2
  out=$(meshctl pod create -f "$EX/sriov/pod-$pod.yaml")
  expect "$out" "vfPciAddress: \"?0000:71:00\.[1-3]" "$pod got a VF of 0000:71:00.0"
  expect "$out" "ipAddress: 192\.168\.100\." "its VF got an address from the network's range"
  uid=$(field podUid <<< "$out" | head -1)
  meshctl pod delete "$uid"
done

step "4. GPUs: a training job on the secure runtime, an exclusive Kunlun XPU, and one that cannot fit"
out=$(meshctl pod create -f "$EX/pods/gpu-rune.yaml")
expect "$out" "NVIDIA_VISIBLE_DEVICES: GPU-" "train-0 got a T4 (scheduler chose node-10)"
out=$(meshctl pod create -f "$EX/pods/xpu-exclusive.yaml")
expect "$out" "CXPU_VISIBLE_DEVICES: \"?[01]" "infer-0 holds a Kunlun card exclusively"
expect "$out" "exclusive: true" "exclusive assignment"
set +e
refused=$(meshctl pod create -f "$EX/pods/gpu-too-big.yaml" 2>&1)
rc=$?
set -e
echo "$refused"
[ "$rc" -ne 0 ] || { echo "DEMO FAILED: the 4-GPU pod was not refused" >&2; exit 1; }
expect "$refused" "0/2 nodes are available" "refused with kube-scheduler's explanation"

step "5. SRE: who held ${WEB_IP}, and net192 as of before its change"
meshctl apply -f - <<YAML
apiVersion: kubeovn.io/v1
kind: Subnet
metadata:
  name: net192
spec:
  vpc: test-vpc2
  cidrBlock: 192.168.100.0/24
  natOutgoing: true
  excludeIps: ["192.168.100.200..192.168.100.210"]
YAML
out=$(meshctl who-held "$WEB_IP")
echo "$out"
expect "$out" "web-0" "who-held names the pod"
then=$(meshctl get subnet net192 --as-of "$created" -o yaml)
now=$(meshctl get subnet net192 -o yaml)
expect "$now" "192.168.100.200..192.168.100.210" "net192 now excludes .200-.210"
if grep -q "192.168.100.200..192.168.100.210" <<< "$then"; then echo "DEMO FAILED: --as-of shows the later change" >&2; exit 1; fi
printf '   ok: %s\n' "net192 --as-of $created shows it before the change"
meshctl history subnet net192
meshctl pod delete "$WEB_UID" --project p1

step "6. SRE: every read model of every service equals the fold of its events"
out=$(meshctl verify)
echo "$out"
expect "$out" "address_history" "IPAM's address history is among them"
if grep -q DIFFERS <<< "$out"; then echo "DEMO FAILED: a read model differs from its events" >&2; exit 1; fi
echo
echo "demo finished: every step checked"
