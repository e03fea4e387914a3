import type { Widen } from './dictionary';
import type { EXPERIMENTS_EN } from './experiments-en';

/** The judged experiments in Bahasa Indonesia. */
export const EXPERIMENTS_ID: Widen<typeof EXPERIMENTS_EN> = {
  ids: {
    'kill-restart': {
      title: 'Kill dan restart: melanjutkan dari committed offset',
      expectation:
        'Satu consumer (commit setelah memproses) tertinggal, di-kill dengan SIGKILL lalu di-restart. Harapan: ia melanjutkan tepat dari offset yang sudah di-commit di Kafka, sehingga membaca tepat log end − committed record, dan hanya memproses ulang yang belum sempat di-commit.',
    },
    'crash-uncommitted': {
      title: 'Crash dengan pekerjaan yang belum di-commit: duplikat',
      expectation:
        'Satu consumer dengan auto-commit setiap 20 detik memproses record, lalu di-kill sebelum commit berikutnya. Harapan: setelah restart, tepat record yang sudah diproses tetapi belum di-commit diproses dua kali, dan tidak ada yang hilang (at-least-once).',
    },
    'at-most-once': {
      title: 'At-most-once: commit dulu, lalu crash',
      expectation:
        'Satu consumer meng-commit setiap batch sebelum memprosesnya, dan di-kill di tengah batch. Harapan: sisa batch itu tidak pernah diproses (missing > 0: paling sedikit committed − processed saat crash, lebih banyak bila rebalance berikutnya memotong batch lain yang sudah di-commit), dan tidak ada yang diproses dua kali.',
    },
    'new-group-start': {
      title: 'Group id baru: earliest vs latest',
      expectation:
        'Dua group baru membaca topic yang sama, satu dengan auto.offset.reset=earliest dan satu dengan latest. Harapan: earliest membaca semua record yang sudah ada; latest tidak membaca satu pun dari record itu, hanya record yang datang setelah ia bergabung.',
    },
    'same-key': {
      title: 'Key sama, partition sama',
      expectation:
        'Producer mengirim 100 trade dengan satu key. Harapan: Kafka menaruh semuanya di satu partition (hash dari key yang menentukan), dan partition lain tidak mendapat apa-apa.',
    },
    'broker-down': {
      title: 'Broker mati saat producing (acks=all, idempotent)',
      expectation:
        'Producer mengirim dengan acks=all dan idempotence selama broker dihentikan lalu dijalankan lagi. Harapan: pengiriman gagal selama broker mati, lalu producer pulih; di log tidak ada record yang sudah di-ack yang hilang, dan tidak ada yang tertulis dua kali.',
    },
    'three-protocols': {
      title: 'Eager vs cooperative vs KIP-848',
      expectation:
        'Tiga group berisi 3 consumer Java membaca topic yang sama: classic eager (range), classic cooperative-sticky, dan KIP-848 (uniform). Satu member dari masing-masing di-kill. Harapan: eager menghentikan semua partition selama rebalance; cooperative dan KIP-848 hanya menjeda partition milik member yang mati, dan yang tersisa tidak pernah berhenti.',
    },
    'static-membership': {
      title: 'Static membership: restart tanpa rebalance',
      expectation:
        'Sebuah group Java dengan group.instance.id. Satu member di-kill dan langsung di-restart, dalam session timeout 15 detik. Harapan: ia mendapatkan partition yang sama, generation tetap, dan tidak terjadi rebalance.',
    },
    'slow-consumer': {
      title: 'Consumer lambat: kafkajs vs client Java milik Kafka',
      expectation:
        'Kedua consumer butuh 4 detik per message. Harapan: kafkajs, yang mengirim heartbeat di antara message, dikeluarkan oleh session timeout 3 detik; client Java terus mengirim heartbeat di latar belakang dan justru keluar sendiri dari group ketika max.poll.interval.ms (5 detik) terlewati di antara dua poll.',
    },
    'poison-dlq': {
      title: 'Message poison: retry, lalu DLQ, tepat sekali',
      expectation:
        'Sebuah group dengan retry + DLQ (3 percobaan, backoff 50 ms yang berlipat) membaca sementara 10 % trade adalah poison (JSON rusak atau harga negatif). Harapan: setiap message poison di-retry, lalu ditulis ke <topic>.dlq tepat sekali dengan asalnya di header; message yang baik tidak terpengaruh (0 hilang, 0 duplikat).',
    },
    'exactly-once-crash': {
      title: 'Exactly-once: crash di tengah transaksi',
      expectation:
        'Consumer exactly-once (read_committed, output ke <topic>.out dan offset dalam satu transaksi) di-kill saat ada pekerjaan di transaksi yang terbuka. Harapan: transaksi dibatalkan dan pekerjaan itu diproses ulang, namun <topic>.out yang dibaca dengan read_committed berisi setiap trade sekali: 0 duplikat, 0 hilang.',
    },
    'acks-under-failure': {
      title: 'acks=1 vs acks=all saat leader mati (3 broker)',
      expectation:
        'Dua topic dengan 3 replika dan min.insync.replicas=2, masing-masing dibaca ulang oleh satu group dari earliest. Producer menulis 200 msg/s dengan acks=1 (tanpa idempotence), lalu dengan acks=all (idempotent); setiap kali leader partition 0 di-kill dengan SIGKILL. Harapan: leader baru dalam beberapa detik, ISR tanpa broker yang mati, dan setelah restart ketiganya in sync lagi. acks=all tidak kehilangan apa pun; acks=1 bisa kehilangan apa yang sudah di-acknowledge leader yang mati tetapi belum direplikasi (sering nol di satu mesin: follower menyalin dalam hitungan milidetik). Lalu broker kedua mati: penulisan acks=all ditolak dengan NotEnoughReplicas alih-alih disimpan di satu salinan. Butuh LAB_BROKERS=3.',
    },
  },
  measures: {
    'restart.committed': 'committed offset saat crash',
    'restart.read': 'record yang dibaca setelah restart',
    'restart.duplicates': 'diproses dua kali',
    'restart.missing': 'hilang',
    'uncommitted.window': 'diproses tetapi belum di-commit saat crash',
    'uncommitted.duplicates': 'diproses dua kali setelah restart',
    'uncommitted.missing': 'hilang',
    'atmost.skipped': 'di-commit tetapi belum diproses saat crash',
    'atmost.missing': 'tidak pernah diproses (hilang)',
    'atmost.duplicates': 'diproses dua kali',
    'start.earliestRead': 'earliest: record lama yang dibaca',
    'start.latestRead': 'latest: record lama yang dibaca',
    'start.latestNew': 'latest: record baru yang dibaca',
    'key.records': 'record yang bertambah per partition',
    'key.partitions': 'partition yang menerimanya',
    'broker.downMs': 'broker mati selama',
    'broker.failedSends': 'pengiriman gagal',
    'broker.recoveredMs': 'producer pulih setelah restart dalam',
    'broker.records': 'record yang ditulis selama itu',
    'broker.missing': 'record yang di-ack tetapi hilang dari log',
    'broker.duplicates': 'record yang tertulis dua kali',
    'eager.pausedPartitions': 'eager: partition yang terjeda',
    'eager.survivorPauseMs': 'eager: jeda terlama partition member yang tersisa',
    'eager.crashedPauseMs': 'eager: jeda terlama partition member yang mati',
    'eager.rebalanceMs': 'eager: lama rebalance',
    'cooperative.pausedPartitions': 'cooperative: partition yang terjeda',
    'cooperative.survivorPauseMs': 'cooperative: jeda terlama partition member yang tersisa',
    'cooperative.crashedPauseMs': 'cooperative: jeda terlama partition member yang mati',
    'cooperative.rebalanceMs': 'cooperative: lama rebalance',
    'kip848.pausedPartitions': 'KIP-848: partition yang terjeda',
    'kip848.survivorPauseMs': 'KIP-848: jeda terlama partition member yang tersisa',
    'kip848.crashedPauseMs': 'KIP-848: jeda terlama partition member yang mati',
    'kip848.rebalanceMs': 'KIP-848: lama rebalance',
    'static.restartMs': 'lama restart',
    'static.partitions': 'partition setelah restart',
    'static.generation': 'generation',
    'static.rebalances': 'rebalance',
    'kafkajs.how': 'kafkajs kehilangan keanggotaan karena',
    'kafkajs.afterMs': 'kafkajs: setelah',
    'java.how': 'client Java kehilangan keanggotaan karena',
    'java.afterMs': 'client Java: setelah',
    'poison.sent': 'message poison yang dikirim',
    'poison.inDlq': 'record di DLQ',
    'poison.distinct': 'asal yang berbeda (topic, partition, offset)',
    'poison.attempts': 'percobaan per message poison (header)',
    'poison.retries': 'retry yang terlihat',
    'poison.goodMissing': 'message baik yang hilang',
    'poison.goodDuplicates': 'message baik yang diproses dua kali',
    'eos.aborted': 'diproses di transaksi yang dibatalkan',
    'eos.reprocessed': 'diproses ulang setelah restart',
    'eos.outputRecords': 'trade di <topic>.out (read_committed)',
    'eos.outputDuplicates': 'duplikat di output',
    'eos.outputMissing': 'hilang dari output',
    'acks1.failoverMs': 'acks=1: leader baru setelah',
    'acks1.leaderIsr': 'acks=1: partition 0',
    'acks1.isrBackMs': 'acks=1: ketiganya in sync lagi setelah restart dalam',
    'acks1.acked': 'acks=1: message yang di-acknowledge',
    'acks1.lost': 'acks=1: di-acknowledge tetapi tidak pernah terbaca (hilang)',
    'acksAll.failoverMs': 'acks=all: leader baru setelah',
    'acksAll.leaderIsr': 'acks=all: partition 0',
    'notEnough.error': 'dua broker mati: kata producer',
    'acksAll.isrBackMs': 'acks=all: ketiganya in sync lagi setelah restart dalam',
    'acksAll.acked': 'acks=all: message yang di-acknowledge',
    'acksAll.lost': 'acks=all: di-acknowledge tetapi tidak pernah terbaca (hilang)',
  },
  steps: {
    'create-group': 'membuat {groupId} ({protocol}, {assignor})',
    crash: 'meng-kill {consumerId} dengan SIGKILL',
    'crash-restart': 'meng-kill {consumerId} dan langsung me-restart-nya',
    slow: '{consumerId} sekarang butuh {delayMs} ms per message',
    'create-group-mode': 'membuat {groupId} (commit {commitMode}) di log end',
    'create-group-reset': 'membuat {groupId} (auto.offset.reset={offsetReset})',
    restart: 'me-restart {consumerId}',
    'one-key': 'producer mengirim setiap trade ke {topic} dengan satu key',
    poison: 'producer mengirim {percent} % trade sebagai poison',
    'broker-stop': 'broker dihentikan',
    'broker-start': 'broker dijalankan lagi',
    'create-topic':
      'membuat {topic} (3 replika, min.insync.replicas=2) dan satu group yang membacanya',
    produce: 'memproduksi ke {topic} dengan acks={acks}, idempotence mati',
    'produce-idempotent': 'memproduksi ke {topic} dengan acks={acks}, idempotence aktif',
    'kill-leader': 'meng-kill broker {nodeId}, leader {topic}-0, dengan SIGKILL',
    'kill-second': 'meng-kill broker kedua, {nodeId}: tinggal satu replika in sync',
    'start-broker': 'menjalankan broker {nodeId} lagi',
  },
  card: {
    run: 'Jalankan',
    busy: 'Eksperimen lain sedang berjalan',
    needsThreeBrokers: 'Butuh lab 3 broker: jalankan dengan LAB_BROKERS=3',
    oneBrokerOnly: 'Hanya lab satu broker: dengan 3 broker, acks saat gagal menceritakan hal ini',
    passed: 'lulus',
    failed: 'gagal',
    running: 'berjalan',
    error: 'error',
    took: 'selesai dalam {seconds} detik',
    runningFor: 'berjalan {seconds} detik',
    couldNotFinish: 'Tidak dapat selesai: {error}',
    expected: 'harapan {value}',
  },
};
