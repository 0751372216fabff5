"""A small round-robin TCP balancer: one address in front of several web nodes.

    python -m bench.balancer 127.0.0.1:8060 127.0.0.1:8061 127.0.0.1:8062

Each incoming connection goes to the next node in turn and stays with it (as a reverse proxy
would with keep-alive). For the load test's two-node runs only; in production, nginx or the
host's load balancer does this (docs/deploy.md).
"""

import asyncio
import itertools
import sys


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def serve(listen: tuple[str, int], nodes: list[tuple[str, int]]) -> None:
    turn = itertools.cycle(nodes)

    async def handle(client_reader, client_writer):
        host, port = next(turn)
        try:
            node_reader, node_writer = await asyncio.open_connection(host, port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(_pipe(client_reader, node_writer), _pipe(node_reader, client_writer))

    server = await asyncio.start_server(handle, *listen)
    async with server:
        await server.serve_forever()


def _address(text: str) -> tuple[str, int]:
    host, port = text.rsplit(":", 1)
    return host, int(port)


if __name__ == "__main__":
    listen, *nodes = (_address(arg) for arg in sys.argv[1:])
    asyncio.run(serve(listen, nodes))
