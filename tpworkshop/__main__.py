from tpworkshop.cli.main import main

raise SystemExit(main())
