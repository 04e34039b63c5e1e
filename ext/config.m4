dnl config.m4 for the `temporal` extension (C++17, links the Rust bridge statically).

PHP_ARG_ENABLE([temporal],
  [whether to enable the Temporal extension],
  [AS_HELP_STRING([--enable-temporal], [Enable the Temporal extension])],
  [no])

PHP_ARG_WITH([temporal-bridge],
  [directory holding a prebuilt libtemporal_bridge.a],
  [AS_HELP_STRING([[--with-temporal-bridge[=DIR]]],
    [Link a prebuilt libtemporal_bridge.a from DIR (default: build bridge/ with cargo, rustc >= 1.88)])],
  [yes],
  [no])

PHP_ARG_ENABLE([temporal-asan],
  [whether to build the Temporal extension with AddressSanitizer and UBSan],
  [AS_HELP_STRING([--enable-temporal-asan], [Compile with -fsanitize=address,undefined (sanitizer build)])],
  [no],
  [no])

PHP_ARG_WITH([trueasync],
  [whether to wait with the TrueAsync engine API],
  [AS_HELP_STRING([--with-trueasync], [Suspend coroutines instead of blocking (needs the TrueAsync php-src fork)])],
  [no],
  [no])

if test "$PHP_TEMPORAL" != "no"; then
  PHP_REQUIRE_CXX()
  dnl PHP_NEW_EXTENSION sets ext_srcdir only at the end; the paths below need it first.
  TEMPORAL_SRCDIR=PHP_EXT_SRCDIR([temporal])
  PHP_CXX_COMPILE_STDCXX([17], [mandatory], [TEMPORAL_STDCXX])

  if test "$PHP_TEMPORAL_BRIDGE" = "yes" || test -z "$PHP_TEMPORAL_BRIDGE"; then
    TEMPORAL_BRIDGE_FROM_SOURCE=yes
    dnl The source tarball has bridge/ beside this file; the repository has it beside ext/.
    AC_MSG_CHECKING([for the bridge's sources])
    TEMPORAL_BRIDGE_SRC=""
    for dir in "$TEMPORAL_SRCDIR/bridge" "$TEMPORAL_SRCDIR/../bridge"; do
      if test -z "$TEMPORAL_BRIDGE_SRC" && test -f "$dir/Cargo.toml"; then
        TEMPORAL_BRIDGE_SRC=`cd "$dir" && pwd`
      fi
    done
    if test -z "$TEMPORAL_BRIDGE_SRC"; then
      AC_MSG_RESULT([not found])
      AC_MSG_ERROR([bridge/Cargo.toml not found beside config.m4 or ext/: unpack the whole source tarball, or pass --with-temporal-bridge=DIR])
    fi
    AC_MSG_RESULT([$TEMPORAL_BRIDGE_SRC])

    dnl rustup installs into ~/.cargo/bin, which a sudo or a fresh shell may not have on PATH.
    AC_PATH_PROG([TEMPORAL_CARGO], [cargo], [no], [$PATH:$HOME/.cargo/bin])
    TEMPORAL_RUSTC=`dirname "$TEMPORAL_CARGO"`/rustc
    test -x "$TEMPORAL_RUSTC" || TEMPORAL_RUSTC=rustc
    AC_MSG_CHECKING([for rustc 1.88 or newer])
    TEMPORAL_RUSTC_VERSION=`"$TEMPORAL_RUSTC" --version 2>/dev/null | $SED -n 's/^rustc \([[0-9]]*\.[[0-9]]*\).*/\1/p'`
    if test "$TEMPORAL_CARGO" = "no" || test -z "$TEMPORAL_RUSTC_VERSION" || \
       test "`echo "$TEMPORAL_RUSTC_VERSION" | awk -F. '{ print ($1 > 1 || ($1 == 1 && $2 >= 88)) ? "ok" : "old" }'`" != "ok"; then
      AC_MSG_RESULT([${TEMPORAL_RUSTC_VERSION:-none}])
      AC_MSG_ERROR([the Temporal extension builds its Rust bridge with cargo and needs rustc 1.88 or newer (found: ${TEMPORAL_RUSTC_VERSION:-none}). Install it with rustup (https://rustup.rs); distribution packages are often older])
    fi
    AC_MSG_RESULT([$TEMPORAL_RUSTC_VERSION])

    dnl The core's API crate compiles Temporal's .proto files at build time (prost-build runs protoc).
    AC_PATH_PROG([TEMPORAL_PROTOC], [protoc], [no])
    if test "$TEMPORAL_PROTOC" = "no" && test -z "$PROTOC"; then
      AC_MSG_ERROR([protoc not found: the Rust bridge compiles Temporal's .proto files with it (Debian/Ubuntu: apt install protobuf-compiler), or set PROTOC])
    fi

    dnl A CARGO_TARGET_DIR in the environment is honoured (a shared build cache); the default is in bridge/.
    TEMPORAL_CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$TEMPORAL_BRIDGE_SRC/target}"
    TEMPORAL_BRIDGE_LIBDIR="$TEMPORAL_CARGO_TARGET_DIR/release"
    dnl Vendored crates (the source tarball's bridge/vendor) build with no network.
    TEMPORAL_CARGO_FLAGS="--release --locked"
    test -d "$TEMPORAL_BRIDGE_SRC/vendor" && TEMPORAL_CARGO_FLAGS="$TEMPORAL_CARGO_FLAGS --offline"
  else
    TEMPORAL_BRIDGE_FROM_SOURCE=no
    TEMPORAL_BRIDGE_LIBDIR="$PHP_TEMPORAL_BRIDGE"
    AC_MSG_CHECKING([for libtemporal_bridge.a])
    if test ! -f "$TEMPORAL_BRIDGE_LIBDIR/libtemporal_bridge.a"; then
      AC_MSG_RESULT([not found])
      AC_MSG_ERROR([libtemporal_bridge.a not found in $TEMPORAL_BRIDGE_LIBDIR: build bridge/ (cargo build --release) or configure without --with-temporal-bridge=DIR to let make build it])
    fi
    AC_MSG_RESULT([$TEMPORAL_BRIDGE_LIBDIR])
  fi

  dnl The header sits in bridge/include; DIR is bridge/target/<profile> or a directory holding both.
  dnl dirname, not "../..": target/ may be a symlink, and ".." would then leave the bridge tree.
  AC_MSG_CHECKING([for temporal_bridge.h])
  TEMPORAL_BRIDGE_INCDIR=""
  TEMPORAL_BRIDGE_ROOT=`dirname "$TEMPORAL_BRIDGE_LIBDIR"`
  TEMPORAL_BRIDGE_ROOT=`dirname "$TEMPORAL_BRIDGE_ROOT"`
  for dir in ${TEMPORAL_BRIDGE_SRC:+"$TEMPORAL_BRIDGE_SRC/include"} "$TEMPORAL_BRIDGE_LIBDIR/include" \
      "$TEMPORAL_BRIDGE_ROOT/include" "$TEMPORAL_SRCDIR/../bridge/include"; do
    if test -z "$TEMPORAL_BRIDGE_INCDIR" && test -f "$dir/temporal_bridge.h"; then
      TEMPORAL_BRIDGE_INCDIR="$dir"
    fi
  done
  if test -z "$TEMPORAL_BRIDGE_INCDIR"; then
    AC_MSG_RESULT([not found])
    AC_MSG_ERROR([temporal_bridge.h not found next to $TEMPORAL_BRIDGE_LIBDIR])
  fi
  AC_MSG_RESULT([$TEMPORAL_BRIDGE_INCDIR])

  TEMPORAL_CXXFLAGS="$TEMPORAL_STDCXX -I@ext_srcdir@/src -fvisibility=hidden -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers"
  dnl src/: Zend glue, one file per PHP class; src/bridge/: plain C++ over the C ABI; src/wake/: the waker seam;
  dnl src/guard/: the deadlock watchdog thread (plain C++).
  TEMPORAL_SOURCES="temporal.cpp \
    src/Arguments.cpp \
    src/CancellationToken.cpp \
    src/CompletionQueue.cpp \
    src/Connection.cpp \
    src/EnvConfig.cpp \
    src/Runtime.cpp \
    src/Metric.cpp \
    src/DeterminismGuard.cpp \
    src/Exceptions.cpp \
    src/GuardedCalls.cpp \
    src/Outcome.cpp \
    src/PendingOperation.cpp \
    src/Replayer.cpp \
    src/Worker.cpp \
    src/bridge/Handles.cpp \
    src/bridge/OperationTable.cpp \
    src/bridge/ProcessQueue.cpp \
    src/guard/Watchdog.cpp \
    src/wake/BlockingWaker.cpp \
    src/wake/ReadinessFd.cpp"

  if test "$PHP_TRUEASYNC" != "no"; then
    dnl Only here does the TrueAsync waker get compiled; stock PHP has no Zend/zend_async_API.h.
    TEMPORAL_SOURCES="$TEMPORAL_SOURCES src/wake/TrueAsyncWaker.cpp"
    TEMPORAL_CXXFLAGS="$TEMPORAL_CXXFLAGS -DTEMPORAL_WITH_TRUEASYNC=1"
  fi

  if test "$PHP_TEMPORAL_ASAN" != "no"; then
    dnl Only the module is instrumented. php is not, so the sanitizer runtimes must be preloaded into it
    dnl (scripts/test-ext.sh --asan does); -z now below makes a missing runtime fail at load time.
    TEMPORAL_CXXFLAGS="$TEMPORAL_CXXFLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -g -O1"
  fi

  PHP_ADD_INCLUDE([$TEMPORAL_BRIDGE_INCDIR])

  dnl The version script keeps every symbol but get_module local (the Rust ones included). -z now makes a
  dnl symbol the module needs but php lacks fail at load time, not at its first call.
  TEMPORAL_SHARED_LIBADD="$TEMPORAL_BRIDGE_LIBDIR/libtemporal_bridge.a -lpthread -ldl -lm -Wl,--version-script=$TEMPORAL_SRCDIR/temporal.map -Wl,-z,now"
  PHP_SUBST([TEMPORAL_SHARED_LIBADD])
  if test "$TEMPORAL_BRIDGE_FROM_SOURCE" = "yes"; then
    dnl The module's link rule depends on $(TEMPORAL_SHARED_DEPENDENCIES): Makefile.frag makes it with cargo.
    TEMPORAL_SHARED_DEPENDENCIES="$TEMPORAL_BRIDGE_LIBDIR/libtemporal_bridge.a"
    PHP_SUBST([TEMPORAL_SHARED_DEPENDENCIES])
    PHP_SUBST([TEMPORAL_BRIDGE_SRC])
    PHP_SUBST([TEMPORAL_CARGO])
    PHP_SUBST([TEMPORAL_CARGO_TARGET_DIR])
    PHP_SUBST([TEMPORAL_CARGO_FLAGS])
  fi

  PHP_NEW_EXTENSION([temporal], [$TEMPORAL_SOURCES], [$ext_shared], [], [$TEMPORAL_CXXFLAGS], [cxx])
  PHP_ADD_BUILD_DIR([$ext_builddir/src])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/bridge])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/wake])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/guard])
  if test "$TEMPORAL_BRIDGE_FROM_SOURCE" = "yes"; then
    PHP_ADD_MAKEFILE_FRAGMENT([$TEMPORAL_SRCDIR/Makefile.frag])
  fi
fi
