import { describe, expect, it } from 'vitest';
import { COMMIT_MODES, parseCommand, RESET_TARGETS } from '@/protocol/commands';
import { ASSIGNORS_FOR, CONSUMER_CLIENTS, GROUP_PROTOCOLS } from '@/protocol/consumer-kinds';
import { TOPIC_CONFIG_KEYS } from '@/protocol/topic-config';
import {
  DELIVERY_DEFAULTS,
  type GroupForm,
  groupCreateCommand,
  resetCommand,
  topicConfigureCommand,
} from './page-commands';

/** The page's forms must never send a field the command does not take, whatever is chosen. */
function expectAccepted(command: unknown) {
  const parsed = parseCommand(command);
  expect(parsed.ok ? 'ok' : parsed.error, JSON.stringify(command)).toBe('ok');
}

const form: GroupForm = {
  groupId: 'lab-group-1',
  topic: 'crypto_trades',
  consumers: '2',
  client: 'kafkajs',
  protocol: 'classic',
  assignor: 'range',
  staticMembership: false,
  maxPollIntervalMs: '',
  commitMode: 'after-processing',
  autoCommitIntervalMs: '5000',
  offsetReset: 'earliest',
  sessionTimeoutMs: '6000',
};

describe('the commands the page builds', () => {
  it('group:create for every client, protocol, assignor, commit mode and DLQ choice', () => {
    let walked = 0;
    for (const client of CONSUMER_CLIENTS)
      for (const protocol of GROUP_PROTOCOLS)
        for (const assignor of ASSIGNORS_FOR[client][protocol])
          for (const commitMode of protocol === 'share' ? ['after-processing'] : COMMIT_MODES)
            for (const dlq of protocol === 'share' ? [false] : [false, true]) {
              const java = client === 'java';
              expectAccepted(
                groupCreateCommand(
                  {
                    ...form,
                    client,
                    protocol,
                    assignor,
                    commitMode,
                    staticMembership: java,
                    maxPollIntervalMs: java ? '10000' : '',
                  },
                  { ...DELIVERY_DEFAULTS, dlq },
                ),
              );
              walked++;
            }
    expect(walked).toBeGreaterThan(50);
  });

  it('reset, preview and replay for every target, with and without running members', () => {
    for (const to of RESET_TARGETS)
      for (const dryRun of [false, true])
        for (const running of [0, 2])
          expectAccepted(resetCommand({ groupId: 'g', to, value: 5, dryRun, running }));
  });

  it('topic:configure with any subset of settings', () => {
    expectAccepted(topicConfigureCommand('t', { retentionMs: ' 60000 ', segmentMs: '' }));
    for (const key of TOPIC_CONFIG_KEYS)
      expectAccepted(
        topicConfigureCommand('t', { [key]: key === 'minInsyncReplicas' ? '1' : '1048576' }),
      );
  });
});
