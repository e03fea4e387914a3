import type { EVENT_TEXTS } from '@/protocol/texts';
import type { Widen } from './dictionary';

/** The timeline in Bahasa Indonesia (the English templates live with the protocol). */
export const EVENTS_ID: Widen<typeof EVENT_TEXTS> = {
  'consumer-started': '{id} berjalan sebagai proses {pid}',
  'consumer-killed':
    '{id} di-kill dengan SIGKILL: tanpa LeaveGroup, tanpa commit terakhir. Kafka tetap memberinya partition sampai session timeout {sessionS} detik habis',
  'consumer-unclean-stop':
    '{id} tidak berhenti dengan bersih ({how}): tanpa LeaveGroup, Kafka mengeluarkannya setelah session timeout',
  'consumer-died': '{id} mati dengan sendirinya ({how}); tidak di-restart',
  'consumer-frozen':
    '{id} dibekukan dengan SIGSTOP: hidup tetapi diam. Koneksinya tetap terbuka, jadi Kafka tidak melihat apa-apa sampai timeout: record yang dipegangnya kembali saat kuncinya habis, member-nya hilang saat session timeout',
  'consumer-thawed': '{id} dicairkan dengan SIGCONT sesudah {seconds} detik',
  'consumer-stopped': '{id} berhenti dengan baik: commit, mengirim LeaveGroup',
  'consumer-stopped-refused':
    '{id} keluar dari group, tetapi commit terakhirnya ditolak: pemilik berikutnya membaca ulang message itu',
  'consumer-left-max-poll':
    '{id} keluar sendiri dari group: {gapS} detik berlalu sejak poll terakhirnya, lebih dari max.poll.interval.ms ({maxPollMs} ms); ia bergabung lagi pada poll berikutnya',
  'member-joined': '{id} bergabung sebagai {memberId}{generation}',
  'member-joined-leader': '{id} bergabung sebagai {memberId} (group leader){generation}',
  'member-evicted': 'Coordinator mengeluarkan {id} (session timeout)',
  'member-evicted-after-crash':
    'Coordinator mengeluarkan {id} (session timeout), {after} setelah crash',
  'member-evicted-rejoined':
    'Coordinator mengeluarkan {id} (tidak ada heartbeat dalam session timeout); ia bergabung lagi sebagai {memberId}',
  'outside-joined': '{clientId} bergabung sebagai {memberId}',
  'outside-left': '{clientId} ({memberId}) keluar',
  'broker-connected': 'Kafka bisa dihubungi lagi',
  'broker-unreachable': 'Kafka tidak bisa dihubungi: {error}',
  'rebalance-started': 'Rebalance dimulai: {reason}',
  'rebalance-completed':
    'Rebalance selesai dalam {duration} ({reason}){how}{paused}{moved}{epochs}',
  'note-paused': '; {count} partition terjeda, paling lama {longest}',
  'note-moved': '; dipindah {moves}',
  'note-epochs': '; member epoch {epochs}',
  'group-created':
    'Group lab {groupId} pada {topic} ({client}, {protocol} {assignor}, commit {commitMode})',
  'group-deleted': 'Group {groupId} dihapus',
  'offsets-reset': 'Offset {groupId} di-reset ke {to}: {moved} dari {total} partition berpindah',
  'offsets-restored': 'Offset {groupId} dikembalikan seperti sebelum reset terakhir',
  'topic-created': 'Topic {topic} dibuat dengan {partitions} partition',
  'topic-partitions-added': 'Topic {topic}: {from} → {to} partition',
  'topic-deleted': 'Topic {topic} dihapus',
  'topic-created-for': 'Topic {topic} dibuat untuk {groupId} ({partitions} partition)',
  'dead-lettered': '{id}: {retries} retry untuk {where} ({why}), lalu dikirim ke {sent}',
  'dead-lettered-at-once': '{id}: {where} gagal ({why}), dikirim ke {sent} tanpa retry',
  'dead-lettered-more':
    '{count} message lagi dikirim ke {topic} dalam {seconds} detik, setelah {retries} retry',
  'topic-created-replicated':
    'Topic {topic} dibuat dengan {partitions} partition, replication factor {rf}{minIsr}',
  'note-min-isr': ', min.insync.replicas {minIsr}',
  'topic-configured': 'Topic {topic}: {settings}',
  'node-started': '{role} {nodeId} berjalan (pid {pid})',
  'node-stopped': '{role} {nodeId}: {how}',
  'role-broker': 'Broker',
  'role-controller': 'Controller',
  'leader-moved': 'Leader {topic} pindah: {moves}',
  'isr-shrank': 'ISR {topic} menyusut: {changes}{warning}',
  'isr-grew': 'ISR {topic} bertambah: {changes}{warning}',
  'isr-changed': 'ISR {topic} berubah: {changes}{warning}',
  'note-below-min-isr':
    '; {count} kini di bawah min.insync.replicas {min}: penulisan acks=all ke sana ditolak',
  'offsets-deleted-unread':
    '{id} mengambil offset {from} dari {where} < log start {logStart}: {deleted} message yang dihapus oleh retention{skipped} tidak pernah dibaca (auto.offset.reset={reset} melompat ke {to})',
  'note-skipped-more': ' dan {count} lagi dilewati',
  'offsets-jumped':
    '{id} di {where}: offset {from} sampai {last} tidak pernah dibaca, posisinya melompat ke {to}',
  'lab-topic-ready': 'Topic lab {topic} siap ({partitions} partition)',
  'producer-recovered': 'Producer: pengiriman kembali di-ack',
  'producer-error': 'Producer: {error}',
  commits: '{count} offset commit dalam {seconds} detik terakhir',
  'cause-joined': '{id} bergabung',
  'cause-left': '{id} keluar dari group',
  'cause-evicted': '{id} dikeluarkan',
  'cause-evicted-rejoined': '{id} dikeluarkan lalu bergabung lagi',
  'cause-triggered': 'dipicu dari lab',
  'cause-membership': 'keanggotaan berubah',
  'cause-partitions-added': 'partition ditambahkan ke {topic}',
  'cause-session-timeout': 'session timeout dari {id} yang crash',
  'cause-coordinator': 'dimulai oleh coordinator',
  'lane-starting': 'memulai proses…',
  'lane-joining': 'bergabung ke group…',
  'lane-gone': 'sudah mati, tetapi Kafka menyimpannya sampai session-nya habis',
  'lane-host': 'host {host}',
  'lane-earlier': '{id} (proses sebelumnya)',
};
