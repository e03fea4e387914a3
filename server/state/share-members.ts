/**
 * A share member (KIP-932) cannot tell its member id or assignment: KafkaShareConsumer has no
 * rebalance listener and no group metadata. The lab gives each share process its own client id
 * (labClientId with its incarnation), and learns both from Kafka's description of the group.
 */
import { labClientId } from '../../protocol/constants';
import { isLivePhase } from '../../protocol/group';
import { memberJoined, patchConsumer } from './membership';
import type { ObservedGroup } from './observation';
import { own } from './own';
import type { LabState } from './types';

export function shareMembersObserved(state: LabState, group: ObservedGroup, at: number): LabState {
  if (own(state.labGroups, group.groupId)?.protocol !== 'share') return state;
  let next = state;
  for (const c of Object.values(state.consumers)) {
    if (c.groupId !== group.groupId || !isLivePhase(c.phase)) continue;
    const member = group.members.find((m) => m.clientId === labClientId(c.id, c.incarnation));
    if (!member) continue;
    next = memberJoined(
      next,
      c.id,
      member.memberId,
      false,
      at,
      member.memberEpoch === null ? null : { kind: 'member epoch', value: member.memberEpoch },
    );
    const same = JSON.stringify(c.assignment) === JSON.stringify(member.assignments);
    next = patchConsumer(next, c.id, {
      phase: c.phase === 'joining' || c.phase === 'starting' ? 'running' : c.phase,
      generationId: member.memberEpoch,
      // Alive as of this description: what a crash's eviction countdown starts from.
      lastHeartbeatAt: at,
      ...(same ? {} : { assignment: member.assignments, assignmentAt: at }),
    });
  }
  return next;
}
