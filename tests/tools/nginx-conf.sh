# nginx as the current user on loopback with the shipped deploy/nginx files:
# sourced by tests/tools/nginx-proxy-test.sh and bench/service-soak.sh.

# The main context: as root, the workers run as this user too.
nginx_main_context() {  # WORKERS
  [ "$(id -u)" = 0 ] && echo "user $(id -un) $(id -gn);"
  echo "worker_processes $1;"
  echo "events { worker_connections 4096; }"
}

# nginx's temporary files under WORK/temp, not in Debian's root-only folders.
nginx_temp_paths() {  # WORK
  echo "client_body_temp_path $1/temp/body; proxy_temp_path $1/temp/proxy;
  fastcgi_temp_path $1/temp/fastcgi; uwsgi_temp_path $1/temp/uwsgi; scgi_temp_path $1/temp/scgi;"
}

# The whole configuration: the shipped zones and locations in front of the
# service at UPSTREAM (host:port), over plain HTTP on 127.0.0.1:PORT; EXTRA
# goes into the http block as it is (another server, say).
nginx_proxy_conf() {  # WORK DEPLOY UPSTREAM PORT WORKERS [EXTRA]
  nginx_main_context "$5"
  cat <<CONF
http {
  $(nginx_temp_paths "$1")
  access_log $1/access.log;
  include $2/careplan-http.conf;
  upstream careplan_service { server $3; keepalive 16; }
  server {
    listen 127.0.0.1:$4;
    include $2/careplan-locations.conf;
  }
  ${6:-}
}
CONF
}
