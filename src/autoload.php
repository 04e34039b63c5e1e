<?php

// Loaded by composer's autoload.files. Makes a pure-PHP protobuf runtime loadable when neither the protobuf
// extension nor a composer-installed google/protobuf provides one (see Internal\ProtobufRuntime).

declare(strict_types=1);

TrueAsync\Temporal\Internal\ProtobufRuntime::registerFallback();
