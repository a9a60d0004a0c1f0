# Sourced by the scripts that need MariaDB or RabbitMQ on this machine (.ci/run, src/bench/*.sh,
# src/test/cluster/*.sh): each function starts its service if it is not listening on 127.0.0.1, installing
# Debian's package first if missing. MariaDB is reached as root with an empty password; RabbitMQ as guest/guest.

mariadb_up() { mysqladmin --host=127.0.0.1 --user=root --connect-timeout=2 ping >/dev/null 2>&1; }
needs_mariadb() {
  mariadb_up && return
  [ -x /usr/sbin/mariadbd ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null; }
  echo "== starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 60); do mariadb_up && break; sleep 1; done
  mariadb_up || { echo "MariaDB did not start" >&2; exit 1; }
}

rabbitmq_up() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
needs_rabbitmq() {
  rabbitmq_up && return
  [ -x /usr/sbin/rabbitmq-server ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null; }
  echo "== starting RabbitMQ"
  rabbitmq-server -detached >/dev/null 2>&1 || true
  for _ in $(seq 1 90); do rabbitmq_up && break; sleep 1; done
  rabbitmq_up || { echo "RabbitMQ did not start" >&2; exit 1; }
}
