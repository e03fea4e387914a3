import type { ConsumerInfo, GroupInfo, GroupOffset, MemberInfo } from '../protocol/snapshot';
import { colorFor } from './colors';

export interface LaneModel {
  key: string;
  label: string;
  color: string;
  memberId: string | null;
  consumer: ConsumerInfo | null;
  ghost: boolean;
  note: string | null;
}

export interface BoardModel {
  lanes: LaneModel[];
  chipsByLane: Map<string, GroupOffset[]>;
  unassigned: GroupOffset[];
  /** Lab consumers with no process and no member: shown apart, ready to restart. */
  dormant: ConsumerInfo[];
}

/** The lab consumer id in a lab client id (`offset-lab-c2` → `c2`), also for an earlier process. */
export function labConsumerOf(clientId: string): string | null {
  return /^offset-lab-(.+)$/.exec(clientId)?.[1] ?? null;
}

/** A member's colour: its lab consumer's colour when it is (or was) one, else its own. */
export function memberColor(member: MemberInfo): string {
  return colorFor(member.consumerId ?? labConsumerOf(member.clientId) ?? member.memberId);
}

const byNaturalId = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

/** Lanes are Kafka's members; a lab consumer's lane stays while Kafka still lists its member. */
export function buildBoard(group: GroupInfo, consumers: ConsumerInfo[]): BoardModel {
  const lanes: LaneModel[] = [];
  const dormant: ConsumerInfo[] = [];
  const memberIds = new Set(group.members.map((m) => m.memberId));
  for (const c of [...consumers].sort((a, b) => byNaturalId(a.id, b.id))) {
    const inGroup = c.memberId !== null && memberIds.has(c.memberId);
    const alive = c.status !== 'stopped' && c.status !== 'crashed';
    if (!alive && !inGroup) {
      dormant.push(c);
      continue;
    }
    lanes.push({
      key: c.id,
      label: c.id,
      color: colorFor(c.id),
      memberId: c.memberId,
      consumer: c,
      ghost: !alive,
      note:
        alive && !inGroup
          ? c.status === 'starting'
            ? 'starting process…'
            : 'joining the group…'
          : null,
    });
  }
  for (const m of group.members) {
    if (m.consumerId !== null && lanes.some((l) => l.key === m.consumerId)) continue;
    const earlierLab = labConsumerOf(m.clientId);
    lanes.push({
      key: m.memberId,
      label: earlierLab ? `${earlierLab} (earlier process)` : m.clientId || 'member',
      color: memberColor(m),
      memberId: m.memberId,
      consumer: null,
      ghost: Boolean(earlierLab),
      note: earlierLab ? 'gone, but Kafka keeps it until its session times out' : `host ${m.host}`,
    });
  }
  const chipsByLane = new Map<string, GroupOffset[]>(lanes.map((l) => [l.key, []]));
  const laneByMember = new Map(
    lanes.filter((l) => l.memberId).map((l) => [l.memberId as string, l.key]),
  );
  const unassigned: GroupOffset[] = [];
  for (const o of group.offsets) {
    const lane = o.memberId ? laneByMember.get(o.memberId) : undefined;
    if (lane) chipsByLane.get(lane)?.push(o);
    else unassigned.push(o);
  }
  return { lanes, chipsByLane, unassigned, dormant };
}
