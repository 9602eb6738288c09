//! Gives ptbuilder.exe its icon on Windows (a resource the Explorer and the
//! taskbar show). Elsewhere there is nothing to do: Linux takes the icon
//! from the desktop entry, macOS from the app bundle. Untested here.

fn main() {
    #[cfg(windows)]
    {
        println!("cargo:rerun-if-changed=packaging/windows/ptbuilder.ico");
        if let Err(error) = winresource::WindowsResource::new()
            .set_icon("packaging/windows/ptbuilder.ico")
            .compile()
        {
            // A missing resource compiler costs the icon, not the build.
            println!("cargo:warning=the Windows icon was not embedded: {error}");
        }
    }
}
