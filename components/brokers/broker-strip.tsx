'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useCanAct, useLive } from '@/lib/use-live';
import { isBrokerRole } from '@/protocol/cluster-nodes';
import type { NodeStatus } from '@/protocol/snapshot';
import { Badge, type Tone } from '../ui/badge';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { Help } from '../ui/help';
import { Panel } from '../ui/panel';

const STATE_TONE: Record<NodeStatus['state'], Tone> = {
  up: 'green',
  fenced: 'amber',
  starting: 'sky',
  down: 'red',
};

/** Every node of the cluster: up, fenced or down, who leads how much, and kill/stop/start. */
export function BrokerStrip() {
  const nodes = useLive((s) => s.snapshot?.nodes);
  const t = useDict().ui.brokers;
  if (!nodes || nodes.length === 0) return null;
  return (
    <Panel
      testId="broker-strip"
      title={
        <span className="flex items-center">
          {t.title} <Help term="leader" />
          <Help term="fenced" />
          <Help term="controller" />
        </span>
      }
    >
      <ul className="grid grid-cols-2 gap-2">
        {nodes.map((n) => (
          <NodeCard key={n.nodeId} node={n} />
        ))}
      </ul>
    </Panel>
  );
}

function NodeCard({ node }: { node: NodeStatus }) {
  const run = useCommand();
  const canAct = useCanAct();
  const { nodeId } = node;
  const killable = canAct && node.lab && isBrokerRole(node.role);
  const t = useDict().ui.brokers;
  const role = isBrokerRole(node.role) ? t.broker : t.controller;
  return (
    <li
      data-testid={`node-${nodeId}`}
      data-state={node.state}
      data-leaders={node.leaderOf}
      className="flex flex-col gap-1 rounded border border-slate-200 p-2 text-xs dark:border-slate-700"
    >
      <div className="flex flex-wrap items-center gap-1">
        <span className="font-semibold">
          {role} {nodeId}
        </span>
        <Badge tone={STATE_TONE[node.state]} testId={`node-state-${nodeId}`}>
          {t.state[node.state]}
        </Badge>
        {node.activeController && (
          <Badge tone="violet" testId={`node-controller-${nodeId}`}>
            {t.activeController}
          </Badge>
        )}
      </div>
      <div className="font-mono text-[10px] text-slate-500">
        {node.host ?? '—'}:{node.port ?? '—'}
        {isBrokerRole(node.role) && (
          <>
            {' · '}
            {t.leads} <span data-testid={`node-leads-${nodeId}`}>{node.leaderOf}</span>
          </>
        )}
      </div>
      {node.detail && (
        <div className="text-[10px] text-slate-500" data-testid={`node-detail-${nodeId}`}>
          {node.detail}
        </div>
      )}
      {killable && (
        <div className="flex gap-1">
          {node.state === 'down' ? (
            <Button
              data-testid={`node-start-${nodeId}`}
              onClick={() => run({ type: 'broker:start', nodeId }, fill(t.starting, { nodeId }))}
            >
              {t.start}
            </Button>
          ) : (
            <>
              <Button
                variant="danger"
                data-testid={`node-kill-${nodeId}`}
                title={t.killTitle}
                onClick={() => run({ type: 'broker:kill', nodeId }, fill(t.killed, { nodeId }))}
              >
                kill -9
              </Button>
              <Button
                data-testid={`node-stop-${nodeId}`}
                title={t.stopTitle}
                onClick={() => run({ type: 'broker:stop', nodeId }, fill(t.stopped, { nodeId }))}
              >
                {t.stop}
              </Button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
